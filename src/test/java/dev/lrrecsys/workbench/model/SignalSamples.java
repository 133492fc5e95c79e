package dev.lrrecsys.workbench.model;

import java.util.Random;

/** Small random sample sets whose target depends only on the first positive explanation feature. */
final class SignalSamples {

    static final int CONSUMERS = 20;
    static final int PRODUCTS = 30;

    private SignalSamples() {
    }

    static SampleSet make(int n, int dim, long seed) {
        Random r = new Random(seed);
        long[] ids = new long[n];
        int[] consumers = new int[n];
        int[] products = new int[n];
        int[] history = new int[n * SampleSet.HISTORY];
        float[] positive = new float[n * dim];
        float[] negative = new float[n * dim];
        float[] target = new float[n];
        double[] rating = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = seed * 1_000_000 + i;
            consumers[i] = r.nextInt(CONSUMERS);
            products[i] = r.nextInt(PRODUCTS);
            int padding = r.nextInt(SampleSet.HISTORY);
            for (int k = 0; k < SampleSet.HISTORY; k++) {
                history[i * SampleSet.HISTORY + k] = k < padding ? -1 : r.nextInt(PRODUCTS);
            }
            for (int k = 0; k < dim; k++) {
                positive[i * dim + k] = (float) r.nextGaussian();
                negative[i * dim + k] = (float) r.nextGaussian();
            }
            target[i] = positive[i * dim] > 0 ? 0.9f : 0.1f;
            rating[i] = 1 + 4 * target[i];
        }
        return new SampleSet(ids, consumers, products, history, positive, negative, dim, target, rating);
    }

    static TrainingSettings settings(PredictionTask task, int epochs, double learningRate) {
        return new TrainingSettings(task, epochs, 0, 64, learningRate, 7, CONSUMERS, PRODUCTS);
    }
}
