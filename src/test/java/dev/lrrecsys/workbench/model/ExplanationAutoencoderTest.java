package dev.lrrecsys.workbench.model;

import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationAutoencoderTest {

    private static final String[] CUISINES = {"thai", "mexican", "italian", "japanese", "indian"};
    private static final String[] TRAITS = {"quiet", "cheap", "lively", "upscale", "family"};

    /** Short contrastive-style sentences over a small closed vocabulary. */
    static List<String> corpus(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = CUISINES[r.nextInt(CUISINES.length)];
            String t = TRAITS[r.nextInt(TRAITS.length)];
            out.add(r.nextBoolean()
                    ? "The consumer visited this restaurant because the consumer likes " + c + " food and the restaurant is " + t + "."
                    : "The consumer did not visit this restaurant because the consumer avoids " + c + " food and the restaurant is " + t + ".");
        }
        return out;
    }

    @Test
    void handWrittenGradientsMatchFiniteDifferencesOfTheLoss() {
        List<String> sentences = corpus(6, 5);
        ExplanationAutoencoder ae = new ExplanationAutoencoder(ExplanationVocabulary.build(sentences, 1, 100), 3);
        java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> analytic = new java.util.LinkedHashMap<>();
        ae.lossAndGradients(sentences, analytic);
        assertThat(analytic.keySet()).containsExactlyInAnyOrder("w1", "w2", "w3", "w4", "wordEmbedding");
        java.util.Random r = new java.util.Random(1);
        for (var e : ae.parameters().entrySet()) {
            org.nd4j.linalg.api.ndarray.INDArray param = e.getValue();
            org.nd4j.linalg.api.ndarray.INDArray grad = analytic.get(e.getKey());
            // The entry with the largest gradient, and random ones.
            long largest = org.nd4j.linalg.ops.transforms.Transforms.abs(grad, true).reshape(grad.length()).argMax(0).getLong(0);
            assertThat(Math.abs(grad.getDouble(largest))).as(e.getKey()).isGreaterThan(1e-3);
            for (long i : new long[] {largest, r.nextInt((int) param.length()), r.nextInt((int) param.length())}) {
                double original = param.getDouble(i);
                double eps = 1e-2;
                param.putScalar(i, original + eps);
                double up = ae.lossAndGradients(sentences, new java.util.HashMap<>());
                param.putScalar(i, original - eps);
                double down = ae.lossAndGradients(sentences, new java.util.HashMap<>());
                param.putScalar(i, original);
                double numeric = (up - down) / (2 * eps);
                assertThat(grad.getDouble(i)).as("%s[%d]", e.getKey(), i)
                        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(2e-4 + 0.05 * Math.abs(numeric)));
            }
        }
    }

    @Test
    void hasThePapersWeightCount() {
        ExplanationAutoencoder ae = new ExplanationAutoencoder(ExplanationVocabulary.build(corpus(10, 1), 1, 100), 1);
        assertThat(ae.weightCount()).isEqualTo(400L * 64 + 64 * 8 + 8 * 64 + 64 * 400).isEqualTo(52_224L);
        assertThat(ae.parameterCount()).isEqualTo(52_224L + ae.vocabulary().size() * 8L);
    }

    @Test
    void everyOfferedOptimizerTrains() {
        List<String> train = corpus(32, 4);
        for (AutoencoderSettings.Optimizer o : AutoencoderSettings.Optimizer.values()) {
            ExplanationAutoencoder ae = new ExplanationAutoencoder(ExplanationVocabulary.build(train, 1, 100), 2);
            List<Double> losses = new ArrayList<>();
            ae.fit(train, new AutoencoderSettings(2, 16, 0.01, o, 1, 100, 2), (e, loss, m) -> losses.add(loss),
                    TaskContext.silent());
            assertThat(losses).as(o.name()).hasSize(2).allMatch(Double::isFinite);
        }
    }

    @Test
    void weightDecayAndDropoutTrainDeterministicallyAndChangeTheWeights() {
        List<String> train = corpus(48, 4);
        float[][] codes = new float[3][];
        AutoencoderSettings[] runs = {
                new AutoencoderSettings(3, 16, 0.1, AutoencoderSettings.Optimizer.ADAGRAD, 1, 100, 2),
                new AutoencoderSettings(3, 16, 0.1, AutoencoderSettings.Optimizer.ADAGRAD, 1, 100, 2, 1e-3, 0.2),
                new AutoencoderSettings(3, 16, 0.1, AutoencoderSettings.Optimizer.ADAGRAD, 1, 100, 2, 1e-3, 0.2)};
        for (int r = 0; r < runs.length; r++) {
            ExplanationAutoencoder ae = new ExplanationAutoencoder(ExplanationVocabulary.build(train, 1, 100), 2);
            List<Double> losses = new ArrayList<>();
            ae.fit(train, runs[r], (e, loss, m) -> losses.add(loss), TaskContext.silent());
            assertThat(losses).hasSize(3).allMatch(Double::isFinite);
            codes[r] = ae.encode(train);
            // Inference never drops units: the same sentences give the same codes twice.
            assertThat(ae.encode(train)).containsExactly(codes[r]);
        }
        assertThat(codes[1]).isNotEqualTo(codes[0]);
        assertThat(codes[2]).containsExactly(codes[1]);
    }

    @Test
    void tokenizerLowercasesAndStripsPunctuation() {
        assertThat(ExplanationVocabulary.tokenize("The consumer's choice: Thai, 'spicy' food!"))
                .containsExactly("the", "consumer's", "choice", "thai", "spicy", "food");
    }

    @Test
    void vocabularyComesFromTrainingSentencesOnly() {
        ExplanationVocabulary v = ExplanationVocabulary.build(List.of("quiet thai place", "quiet cheap place", "quiet"), 1, 100);
        assertThat(v.id("<pad>")).isZero();
        assertThat(v.id("quiet")).isEqualTo(2);
        assertThat(v.id("sushi")).isEqualTo(ExplanationVocabulary.UNKNOWN);
        assertThat(v.encode("Quiet sushi", 4)).containsExactly(2, ExplanationVocabulary.UNKNOWN, 0, 0);
        ExplanationVocabulary rare = ExplanationVocabulary.build(List.of("quiet thai place", "quiet cheap place", "quiet"), 2, 100);
        assertThat(rare.id("thai")).isEqualTo(ExplanationVocabulary.UNKNOWN);
        assertThat(rare.size()).isEqualTo(4);
        assertThat(ExplanationVocabulary.build(corpus(50, 2), 1, 5).size()).isEqualTo(5);
    }

    @org.junit.jupiter.api.Tag("slow")
    @Test
    void overfitsASmallCorpusAndKeepsItsCodesThroughSaveAndLoad(@TempDir Path dir) throws Exception {
        List<String> train = corpus(64, 3);
        ExplanationAutoencoder ae = new ExplanationAutoencoder(ExplanationVocabulary.build(train, 1, 100), 5);
        double before = ae.tokenAccuracy(train);
        List<Double> losses = new ArrayList<>();
        ae.fit(train, new AutoencoderSettings(30, 16, 0.1, AutoencoderSettings.Optimizer.ADAGRAD, 1, 100, 5),
                (epoch, loss, metric) -> losses.add(loss), TaskContext.silent());
        double after = ae.tokenAccuracy(train);
        assertThat(losses).hasSize(30);
        assertThat(losses.get(29)).isLessThan(losses.get(0) / 2);
        assertThat(after).isGreaterThan(0.8).isGreaterThan(before + 0.3);

        float[] codes = ae.encode(train.subList(0, 3));
        assertThat(codes).hasSize(3 * 8);
        Path file = dir.resolve("models/autoencoder-1.bin");
        ae.save(file);
        ExplanationAutoencoder back = ExplanationAutoencoder.load(file);
        assertThat(back.encode(train.subList(0, 3))).containsExactly(codes);
        assertThat(back.vocabulary().size()).isEqualTo(ae.vocabulary().size());
    }
}
