package dev.lrrecsys.workbench.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The CPU kernel computes what the SameDiff graph computes: loss, every gradient, Adam's step, predictions. */
class LrRecsysKernelTest {

    private static final int N = 40;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(LrRecsysVariant.LR_RECSYS, PredictionTask.REGRESSION, 8),
                Arguments.of(LrRecsysVariant.LR_RECSYS, PredictionTask.CLASSIFICATION, 24),
                Arguments.of(LrRecsysVariant.POSITIVE_ONLY, PredictionTask.REGRESSION, 16),
                Arguments.of(LrRecsysVariant.ID_ONLY, PredictionTask.CLASSIFICATION, 8));
    }

    private static LrRecsysGraph.Shape shape(LrRecsysVariant variant, PredictionTask task, int dim) {
        return new LrRecsysGraph.Shape(variant, task, SignalSamples.CONSUMERS, SignalSamples.PRODUCTS, dim);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    @ParameterizedTest
    @MethodSource("networks")
    void lossAndEveryGradientEqualTheGraphs(LrRecsysVariant variant, PredictionTask task, int dim) {
        LrRecsysGraph.Shape shape = shape(variant, task, dim);
        SampleSet samples = SignalSamples.make(N, dim, 5);
        LrRecsysState state = new LrRecsysState(shape, 3);
        SampleBatch batch = new SampleBatch(N, shape);
        batch.fill(samples, identity(N), 0);
        OutAndGrad graph = state.gradients(batch);
        Map<String, INDArray> graphGradients = graph.getGradients();

        try (LrRecsysKernel kernel = new LrRecsysKernel(shape, state.parameters(), 2)) {
            double loss = kernel.trainStep(samples, identity(N), 0, N, 0.01);
            assertThat(loss).isCloseTo(graph.getOutputs().get(LrRecsysGraph.LOSS).getDouble(0), within(1e-5));

            float[] weights = kernel.lastWeightGradients();
            Map<String, INDArray> named = new LinkedHashMap<>(state.parameters());
            named.remove(LrRecsysState.CONSUMER_TABLE);
            named.remove(LrRecsysState.PRODUCT_TABLE);
            assertThat(named).isNotEmpty();
            for (String name : named.keySet()) {
                float[] expected = graphGradients.get(name).dup('c').data().asFloat();
                float[] actual = new float[expected.length];
                System.arraycopy(weights, kernel.layout().offset(name), actual, 0, expected.length);
                assertClose(name, actual, expected);
            }
            float[] consumers = new float[SignalSamples.CONSUMERS * 8];
            scatter(consumers, batch.consumerIndex, graphGradients.get(LrRecsysGraph.CONSUMER_ROWS));
            assertClose("consumerTable", kernel.lastConsumerGradients(), consumers);
            float[] products = new float[(SignalSamples.PRODUCTS + 1) * 8];
            scatter(products, batch.productIndex, graphGradients.get(LrRecsysGraph.PRODUCT_ROWS));
            scatter(products, batch.historyIndex, graphGradients.get(LrRecsysGraph.HISTORY_ROWS));
            assertClose("productTable", kernel.lastProductGradients(), products);
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void predictionsAndAttentionEqualTheGraphs(LrRecsysVariant variant, PredictionTask task, int dim) {
        LrRecsysGraph.Shape shape = shape(variant, task, dim);
        SampleSet samples = SignalSamples.make(N, dim, 6);
        LrRecsysState state = new LrRecsysState(shape, 4);
        SampleBatch batch = new SampleBatch(N, shape);
        batch.fill(samples, identity(N), 0);
        Map<String, INDArray> graph = state.infer(batch, LrRecsysGraph.PREDICTION, LrRecsysGraph.ALPHA);
        float[] prediction = new float[N];
        float[] alpha = new float[N * 36];
        try (LrRecsysKernel kernel = new LrRecsysKernel(shape, state.parameters(), 3)) {
            kernel.infer(samples, prediction, alpha);
        }
        assertClose("prediction", prediction, graph.get(LrRecsysGraph.PREDICTION).dup('c').data().asFloat());
        assertClose("alpha", alpha, graph.get(LrRecsysGraph.ALPHA).dup('c').data().asFloat());
    }

    @Test
    void adamStepsMoveEveryWeightAsNd4jsAdamDoes() {
        LrRecsysGraph.Shape shape = shape(LrRecsysVariant.LR_RECSYS, PredictionTask.REGRESSION, 8);
        SampleSet samples = SignalSamples.make(N, 8, 7);
        LrRecsysState graphState = new LrRecsysState(shape, 9);
        LrRecsysState kernelState = new LrRecsysState(shape, 9);
        SampleBatch batch = new SampleBatch(N, shape);
        batch.fill(samples, identity(N), 0);
        try (LrRecsysKernel kernel = new LrRecsysKernel(shape, kernelState.parameters(), 1)) {
            Adam adam = new Adam(0.01);
            for (int step = 0; step < 3; step++) {
                graphState.trainStep(batch, adam, 0);
                kernel.trainStep(samples, identity(N), 0, N, 0.01);
            }
            kernel.copyTo(kernelState.parameters());
        }
        Map<String, INDArray> expected = graphState.parameters();
        Map<String, INDArray> actual = kernelState.parameters();
        for (String name : expected.keySet()) {
            assertClose(name, actual.get(name).dup('c').data().asFloat(), expected.get(name).dup('c').data().asFloat());
        }
    }

    @Test
    void theThreadCountDoesNotChangeASingleBit() {
        LrRecsysGraph.Shape shape = shape(LrRecsysVariant.LR_RECSYS, PredictionTask.REGRESSION, 8);
        SampleSet samples = SignalSamples.make(100, 8, 8);
        float[][] results = new float[2][];
        int[] threads = {1, 3};
        for (int run = 0; run < 2; run++) {
            LrRecsysState state = new LrRecsysState(shape, 10);
            try (LrRecsysKernel kernel = new LrRecsysKernel(shape, state.parameters(), threads[run])) {
                for (int from = 0; from < 100; from += 32) {
                    kernel.trainStep(samples, identity(100), from, Math.min(32, 100 - from), 0.01);
                }
                kernel.copyTo(state.parameters());
            }
            results[run] = state.parameters().get("mlp1W").dup('c').data().asFloat();
        }
        assertThat(results[1]).containsExactly(results[0]);
    }

    private static void scatter(float[] table, INDArray indices, INDArray rowGradients) {
        int[] rows = indices.toIntVector();
        float[] g = rowGradients.dup('c').data().asFloat();
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < 8; k++) {
                table[rows[i] * 8 + k] += g[i * 8 + k];
            }
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
