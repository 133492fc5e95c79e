package dev.lrrecsys.workbench.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each baseline's CPU kernel computes what its SameDiff graph computes: loss, every gradient, Adam, predictions. */
class BaselineKernelTest {

    private static final int N = 40;

    static Stream<Arguments> baselines() {
        Supplier<GraphRatingModel> mf = MatrixFactorisation::new;
        Supplier<GraphRatingModel> ncf = NeuralCollaborativeFiltering::new;
        Supplier<GraphRatingModel> sasrec = SelfAttentiveSequenceModel::new;
        return Stream.of(
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
    @MethodSource("baselines")
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

        try (BaselineKernel kernel = model.kernel(task, 2)) {
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
    @MethodSource("baselines")
    void adamStepsAndPredictionsEqualTheGraphs(String id, Supplier<GraphRatingModel> make, PredictionTask task,
                                               int dim) {
        GraphRatingModel.Shape shape = shape(task, dim);
        SampleSet samples = SignalSamples.make(N, dim, 7);
        GraphRatingModel graphModel = make.get();
        SameDiff sd = graphModel.buildGraph(shape, 9);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(0.01))
                .dataSetFeatureMapping(graphModel.inputs()).dataSetLabelMapping(GraphRatingModel.TARGET).build());
        GraphRatingModel kernelModel = make.get();
        kernelModel.buildGraph(shape, 9);
        try (BaselineKernel kernel = kernelModel.kernel(task, 1)) {
            for (int step = 0; step < 3; step++) {
                sd.fit(graphModel.batch(samples, identity(N), shape));
                kernel.trainStep(samples, identity(N), 0, N, 0.01);
            }
            kernel.copyTo(kernelModel.parameters());
        }
        Map<String, INDArray> expected = graphModel.parameters();
        Map<String, INDArray> actual = kernelModel.parameters();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String name : expected.keySet()) {
            assertClose(id + " " + name, actual.get(name).dup('c').data().asFloat(),
                    expected.get(name).dup('c').data().asFloat());
        }

        Map<String, INDArray> feed = graphModel.feed(samples, identity(N), shape);
        float[] graphPredictions = sd.output(feed, GraphRatingModel.PREDICTION).get(GraphRatingModel.PREDICTION)
                .dup('c').data().asFloat();
        float[] kernelPredictions = new float[N];
        try (BaselineKernel kernel = kernelModel.kernel(null, 3)) {
            kernel.infer(samples, kernelPredictions);
        }
        assertClose(id + " prediction", kernelPredictions, graphPredictions);
    }

    @Test
    void theThreadCountDoesNotChangeASingleBit() {
        for (Supplier<GraphRatingModel> make : java.util.List.<Supplier<GraphRatingModel>>of(
                MatrixFactorisation::new, NeuralCollaborativeFiltering::new, SelfAttentiveSequenceModel::new)) {
            GraphRatingModel.Shape shape = shape(PredictionTask.REGRESSION, 8);
            SampleSet samples = SignalSamples.make(100, 8, 8);
            float[][] results = new float[2][];
            int[] threads = {1, 3};
            for (int run = 0; run < 2; run++) {
                GraphRatingModel model = make.get();
                model.buildGraph(shape, 10);
                try (BaselineKernel kernel = model.kernel(PredictionTask.REGRESSION, threads[run])) {
                    for (int from = 0; from < 100; from += 32) {
                        kernel.trainStep(samples, identity(100), from, Math.min(32, 100 - from), 0.01);
                    }
                    kernel.copyTo(model.parameters());
                }
                results[run] = model.parameters().get(GraphRatingModel.PRODUCT_TABLE).dup('c').data().asFloat();
            }
            assertThat(results[1]).containsExactly(results[0]);
        }
    }

    private static void assertClose(String name, float[] actual, float[] expected) {
        assertThat(actual).as(name).hasSameSizeAs(expected);
        float scale = 0f;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        float tolerance = 1e-6f + 1e-3f * scale;
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as(name + "[" + i + "]").isCloseTo(expected[i], within(tolerance));
        }
    }
}
