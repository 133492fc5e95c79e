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
 * one batch.
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
        List<CaseInput> occluded = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            List<String> rest = new ArrayList<>(words);
            rest.remove(i);
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

    /** The {@code n} words that move the prediction most (largest absolute change first). */
    public static List<WordWeight> top(List<WordWeight> weights, int n) {
        return weights.stream().sorted(Comparator.comparingDouble((WordWeight w) -> -Math.abs(w.change()))
                .thenComparingInt(WordWeight::position)).limit(n).toList();
    }
}
