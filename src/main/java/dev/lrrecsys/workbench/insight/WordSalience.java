package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.evaluate.CounterfactualPredictor;
import dev.lrrecsys.workbench.evaluate.CounterfactualPredictor.CaseInput;
import dev.lrrecsys.workbench.model.ExplanationVocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Word salience by occlusion: for each word of one explanation, how the run's prediction changes when that word alone
 * is removed and the sentence is encoded again by the autoencoder. All occluded sentences go through the network in
 * one batch. A removed word leaves its slot to the autoencoder's unknown-word token, so the words after it keep their
 * positions: the autoencoder reads position by position (50 slots of 8 values), and deleting a word shifts every
 * later word, which it reads as another sentence (tried on the restaurant sample: each of the first words then
 * "moved" the prediction by the same -0.38).
 */
public final class WordSalience {

    /**
     * One word of the explanation, in order. {@code change} is the prediction with the word minus the prediction
     * without it: positive where the word pushes the prediction up. {@code known}: in the autoencoder's vocabulary.
     */
    public record WordWeight(int position, String word, boolean known, double change) {
    }

    private WordSalience() {
    }

    /**
     * The salience of every word of the positive ({@code positiveSide}) or negative explanation of {@code input};
     * {@code base} is the prediction of {@code input} itself. Empty when the run reads no explanations.
     */
    public static List<WordWeight> occlude(CounterfactualPredictor predictor, CaseInput input, boolean positiveSide, double base) {
        List<String> words = ExplanationVocabulary.tokenize(positiveSide ? input.positive() : input.negative());
        if (!predictor.readsExplanations() || words.isEmpty()) {
            return List.of();
        }
        String hole = unknownWord(predictor);
        List<CaseInput> occluded = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            List<String> rest = new ArrayList<>(words);
            rest.set(i, hole);
            String text = String.join(" ", rest);
            occluded.add(positiveSide ? input.withTexts(text, input.negative()) : input.withTexts(input.positive(), text));
        }
        List<CounterfactualPredictor.Prediction> without = predictor.predict(occluded);
        List<WordWeight> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(new WordWeight(i, words.get(i), predictor.knowsWord(words.get(i)), base - without.get(i).value()));
        }
        return out;
    }

    /** A word the autoencoder does not know: it encodes as the unknown-word token. */
    static String unknownWord(CounterfactualPredictor predictor) {
        String w = "removedword";
        while (predictor.knowsWord(w)) {
            w += "x";
        }
        return w;
    }

    /** The {@code n} words that move the prediction most (largest absolute change first). */
    public static List<WordWeight> top(List<WordWeight> weights, int n) {
        return weights.stream().sorted(Comparator.comparingDouble((WordWeight w) -> -Math.abs(w.change()))
                .thenComparingInt(WordWeight::position)).limit(n).toList();
    }
}
