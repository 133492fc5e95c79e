package dev.lrrecsys.workbench.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every network's CPU kernel computes what its SameDiff graph computes: loss, every gradient, Adam's steps,
 * predictions and (LR-Recsys) attention, each value within a per-element relative tolerance.
 */
class KernelTest {

    private static final int N = 40;
    /** Float sums in another order differ in the last bits; a wrong term moves a value by far more. */
    private static final float RTOL = 1e-3f;
    private static final float ATOL = 1e-7f;
    private static final double LEARNING_RATE = 0.01;
    /**
     * Adam divides each gradient by its running magnitude, so where a gradient's terms nearly cancel, rounding in
     * either engine moves that step by up to a few thousandths of the learning rate; a wrong Adam formula moves
     * it by a good part of the learning rate.
     */
    private static final float ADAM_ATOL = (float) (5e-3 * LEARNING_RATE);

    static Stream<Arguments> networks() {
        Supplier<GraphRatingModel> lrRecsys = () -> new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS);
        Supplier<GraphRatingModel> positiveOnly = () -> new LrRecsysNetwork(LrRecsysVariant.POSITIVE_ONLY);
        Supplier<GraphRatingModel> idOnly = () -> new LrRecsysNetwork(LrRecsysVariant.ID_ONLY);
        Supplier<GraphRatingModel> mf = MatrixFactorisation::new;
        Supplier<GraphRatingModel> ncf = NeuralCollaborativeFiltering::new;
        Supplier<GraphRatingModel> sasrec = SelfAttentiveSequenceModel::new;
        return Stream.of(
                Arguments.of("lr-recsys", lrRecsys, PredictionTask.REGRESSION, 8),
                Arguments.of("lr-recsys", lrRecsys, PredictionTask.CLASSIFICATION, 24),
                Arguments.of("positive-only", positiveOnly, PredictionTask.REGRESSION, 16),
                Arguments.of("id-only", idOnly, PredictionTask.CLASSIFICATION, 8),
                Arguments.of("mf", mf, PredictionTask.REGRESSION, 8),
                Arguments.of("mf", mf, PredictionTask.CLASSIFICATION, 8),
                Arguments.of("ncf", ncf, PredictionTask.REGRESSION, 8),
                Arguments.of("ncf", ncf, PredictionTask.CLASSIFICATION, 16),
                Arguments.of("sasrec", sasrec, PredictionTask.REGRESSION, 8),
                Arguments.of("sasrec", sasrec, PredictionTask.CLASSIFICATION, 8));
    }

    private static GraphRatingModel.Shape shape(PredictionTask task, int dim) {
        return new GraphRatingModel.Shape(task, SignalSamples.CONSUMERS, SignalSamples.PRODUCTS, dim);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    @ParameterizedTest(name = "{0} {2} dim {3}")
    @MethodSource("networks")
    void lossAndEveryGradientEqualTheGraphs(String id, Supplier<GraphRatingModel> make, PredictionTask task, int dim) {
        GraphRatingModel model = make.get();
        GraphRatingModel.Shape shape = shape(task, dim);
        SampleSet samples = SignalSamples.make(N, dim, 5);
        SameDiff sd = model.buildGraph(shape, 3);
        Map<String, INDArray> feed = model.feed(samples, identity(N), shape);
        feed.put(GraphRatingModel.TARGET, GraphRatingModel.target(samples, identity(N)));
        double graphLoss = sd.output(feed, GraphRatingModel.LOSS).get(GraphRatingModel.LOSS).getDouble(0);
        Map<String, INDArray> parameters = model.parameters();
        Map<String, INDArray> graphGradients = sd.calculateGradients(feed, parameters.keySet());

        try (KernelHost kernel = model.kernel(task, 2)) {
            double loss = kernel.trainStep(samples, identity(N), 0, N, 0.01);
            assertThat(loss).isCloseTo(graphLoss, within(1e-5));
            float[] gradients = kernel.lastGradients();
            assertThat(parameters).containsKey(GraphRatingModel.PRODUCT_TABLE);
            for (String name : parameters.keySet()) {
                float[] expected = graphGradients.get(name).dup('c').data().asFloat();
                float[] actual = new float[expected.length];
                System.arraycopy(gradients, kernel.layout().offset(name), actual, 0, expected.length);
                assertClose(id + " " + name, actual, expected);
            }
        }
    }

    @ParameterizedTest(name = "{0} {2} dim {3}")
    @MethodSource("networks")
    void adamStepsAndPredictionsEqualTheGraphEngines(String id, Supplier<GraphRatingModel> make, PredictionTask task,
                                                     int dim) {
        GraphRatingModel.Shape shape = shape(task, dim);
        SampleSet samples = SignalSamples.make(N, dim, 7);
        GraphRatingModel graphModel = make.get().usingEngine(TrainingEngine.SAMEDIFF);
        graphModel.buildGraph(shape, 9);
        GraphRatingModel kernelModel = make.get();
        kernelModel.buildGraph(shape, 9);
        try (KernelHost kernel = kernelModel.kernel(task, 1)) {
            GraphRatingModel.GraphEngine graph = graphModel.new GraphEngine(samples, LEARNING_RATE);
            for (int step = 0; step < 3; step++) {
                double graphLoss = graph.step(identity(N), 0, N);
                double kernelLoss = kernel.trainStep(samples, identity(N), 0, N, LEARNING_RATE);
                assertThat(kernelLoss).as(id + " loss of step " + step).isCloseTo(graphLoss, within(1e-5));
            }
            kernel.copyTo(kernelModel.parameters());
        }
        Map<String, INDArray> expected = graphModel.parameters();
        Map<String, INDArray> actual = kernelModel.parameters();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String name : expected.keySet()) {
            assertClose(id + " " + name, actual.get(name).dup('c').data().asFloat(),
                    expected.get(name).dup('c').data().asFloat(), ADAM_ATOL);
        }
        kernelModel.usingEngine(TrainingEngine.KERNEL);
        assertClose(id + " prediction", kernelModel.predict(samples), graphModel.predict(samples));
        if (graphModel instanceof AttentionModel graphAttention) {
            assertClose(id + " attention", ((AttentionModel) kernelModel).attention(samples),
                    graphAttention.attention(samples));
        }
    }

    static Stream<Arguments> regularisedNetworks() {
        return Stream.of(
                Arguments.of("lr-recsys", (Supplier<GraphRatingModel>) () -> new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS)),
                Arguments.of("id-only", (Supplier<GraphRatingModel>) () -> new LrRecsysNetwork(LrRecsysVariant.ID_ONLY)),
                Arguments.of("ncf", (Supplier<GraphRatingModel>) NeuralCollaborativeFiltering::new),
                Arguments.of("mf", (Supplier<GraphRatingModel>) MatrixFactorisation::new));
    }

    /** Weight decay and dropout train the same in both engines (same masks), and they change the weights. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("regularisedNetworks")
    void weightDecayAndDropoutEqualTheGraphEngines(String id, Supplier<GraphRatingModel> make) {
        GraphRatingModel.Shape shape = shape(PredictionTask.REGRESSION, 8);
        SampleSet samples = SignalSamples.make(N, 8, 7);
        GraphRatingModel graphModel = make.get().usingEngine(TrainingEngine.SAMEDIFF);
        graphModel.buildGraph(shape, 9);
        GraphRatingModel kernelModel = make.get();
        kernelModel.buildGraph(shape, 9);
        GraphRatingModel plainModel = make.get();
        plainModel.buildGraph(shape, 9);
        try (KernelHost kernel = kernelModel.kernel(PredictionTask.REGRESSION, 2).regularise(0.05, 0.3, 11);
             KernelHost plain = plainModel.kernel(PredictionTask.REGRESSION, 2)) {
            GraphRatingModel.GraphEngine graph = graphModel.new GraphEngine(samples, LEARNING_RATE, 0.05, 0.3, 11);
            for (int step = 0; step < 3; step++) {
                double graphLoss = graph.step(identity(N), 0, N);
                double kernelLoss = kernel.trainStep(samples, identity(N), 0, N, LEARNING_RATE);
                plain.trainStep(samples, identity(N), 0, N, LEARNING_RATE);
                assertThat(kernelLoss).as(id + " loss of step " + step).isCloseTo(graphLoss, within(1e-5));
            }
            kernel.copyTo(kernelModel.parameters());
            plain.copyTo(plainModel.parameters());
        }
        for (String name : graphModel.parameters().keySet()) {
            assertClose(id + " " + name, kernelModel.parameters().get(name).dup('c').data().asFloat(),
                    graphModel.parameters().get(name).dup('c').data().asFloat(), ADAM_ATOL);
        }
        float[] regularised = kernelModel.parameters().get(GraphRatingModel.PRODUCT_TABLE).dup('c').data().asFloat();
        float[] unregularised = plainModel.parameters().get(GraphRatingModel.PRODUCT_TABLE).dup('c').data().asFloat();
        assertThat(regularised).as(id + ": regularisation moves the weights").isNotEqualTo(unregularised);
        // Predictions never drop units: two calls agree, and equal the graph's (fed ones).
        kernelModel.usingEngine(TrainingEngine.KERNEL);
        assertThat(kernelModel.predict(samples)).containsExactly(kernelModel.predict(samples));
        assertClose(id + " prediction", kernelModel.predict(samples), graphModel.predict(samples));
    }

    @Test
    void dropoutDropsAboutItsRateAndKeepsTheExpectedActivation() {
        int dropped = 0;
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            float keep = Regularisation.keep(Regularisation.stepKey(3, i / 64), i % 1000, i % 64, 0.2);
            dropped += keep == 0f ? 1 : 0;
            sum += keep;
        }
        assertThat(dropped / (double) n).isCloseTo(0.2, within(0.01));
        assertThat(sum / n).isCloseTo(1.0, within(0.01));
    }

    @Test
    void theThreadCountDoesNotChangeASingleBit() {
        for (Supplier<GraphRatingModel> make : List.<Supplier<GraphRatingModel>>of(
                () -> new LrRecsysNetwork(LrRecsysVariant.LR_RECSYS), MatrixFactorisation::new,
                NeuralCollaborativeFiltering::new, SelfAttentiveSequenceModel::new)) {
            GraphRatingModel.Shape shape = shape(PredictionTask.REGRESSION, 8);
            SampleSet samples = SignalSamples.make(100, 8, 8);
            float[][] results = new float[2][];
            int[] threads = {1, 3};
            for (int run = 0; run < 2; run++) {
                GraphRatingModel model = make.get();
                model.buildGraph(shape, 10);
                try (KernelHost kernel = model.kernel(PredictionTask.REGRESSION, threads[run])) {
                    for (int from = 0; from < 100; from += 32) {
                        kernel.trainStep(samples, identity(100), from, Math.min(32, 100 - from), 0.01);
                    }
                    kernel.copyTo(model.parameters());
                }
                results[run] = model.parameters().get(GraphRatingModel.PRODUCT_TABLE).dup('c').data().asFloat();
            }
            assertThat(results[1]).as(make.get().id()).containsExactly(results[0]);
        }
    }

    @Test
    void theToleranceCatchesAWrongSmallValueNextToALargeOne() {
        float[] expected = {120f, 3e-4f, -2e-5f};
        assertClose("exact", new float[] {120.05f, 3.0001e-4f, -2.00001e-5f}, expected);
        // 1e-3 of the largest value (the former tolerance) would have let both of these through.
        assertThatThrownBy(() -> assertClose("small", new float[] {120f, 6e-4f, -2e-5f}, expected))
                .isInstanceOf(AssertionError.class).hasMessageContaining("small[1]");
        assertThatThrownBy(() -> assertClose("sign", new float[] {120f, 3e-4f, 2e-5f}, expected))
                .isInstanceOf(AssertionError.class).hasMessageContaining("sign[2]");
    }

    /** Each value within {@code RTOL} of the larger of the two, plus {@code ATOL} for values near zero. */
    static void assertClose(String name, float[] actual, float[] expected) {
        assertClose(name, actual, expected, ATOL);
    }

    private static void assertClose(String name, float[] actual, float[] expected, float atol) {
        assertThat(actual).as(name).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            float tolerance = atol + RTOL * Math.max(Math.abs(actual[i]), Math.abs(expected[i]));
            assertThat(actual[i]).as(name + "[" + i + "]").isCloseTo(expected[i], within(tolerance));
        }
    }
}
