package dev.lrrecsys.workbench.model;

import java.util.Random;

/**
 * An in-memory world with a known structure for model tests: each consumer weighs 4 product attributes,
 * the rating is the weighted sum plus noise, and the 8-dim "explanations" say which liked (positive)
 * and disliked (negative) attributes the candidate has, exactly what a good contrastive explanation carries.
 */
final class AttributeWorld {

    static final int ATTRIBUTES = 4;

    final int consumers;
    final int products;
    final SampleSet train;
    final SampleSet test;

    AttributeWorld(int consumers, int products, int perConsumer, long seed) {
        this.consumers = consumers;
        this.products = products;
        Random r = new Random(seed);
        double[][] taste = new double[consumers][ATTRIBUTES];
        for (double[] t : taste) {
            for (int k = 0; k < ATTRIBUTES; k++) {
                t[k] = r.nextGaussian();
            }
        }
        int[][] attributes = new int[products][ATTRIBUTES];
        for (int[] a : attributes) {
            for (int k = 0; k < ATTRIBUTES; k++) {
                a[k] = r.nextBoolean() ? 1 : 0;
            }
        }
        int trainPer = perConsumer * 4 / 5;
        int n = consumers * perConsumer;
        Builder trainSet = new Builder(consumers * trainPer);
        Builder testSet = new Builder(n - consumers * trainPer);
        long id = 1;
        for (int c = 0; c < consumers; c++) {
            int[] seen = new int[perConsumer];
            for (int i = 0; i < perConsumer; i++) {
                int p = r.nextInt(products);
                seen[i] = p;
                double score = 0;
                float[] pos = new float[8];
                float[] neg = new float[8];
                for (int k = 0; k < ATTRIBUTES; k++) {
                    score += taste[c][k] * attributes[p][k];
                    pos[k] = (float) (attributes[p][k] * Math.max(0, taste[c][k]) + 0.05 * r.nextGaussian());
                    neg[k] = (float) (attributes[p][k] * Math.max(0, -taste[c][k]) + 0.05 * r.nextGaussian());
                }
                double rating = Math.max(1, Math.min(5, Math.round(3 + score + 0.3 * r.nextGaussian())));
                int[] history = new int[SampleSet.HISTORY];
                for (int k = 0; k < SampleSet.HISTORY; k++) {
                    int back = i - SampleSet.HISTORY + k;
                    history[k] = back >= 0 ? seen[back] : -1;
                }
                if (i == 0) {
                    history[SampleSet.HISTORY - 1] = r.nextInt(products);
                }
                (i < trainPer ? trainSet : testSet).add(id++, c, p, history, pos, neg, rating);
            }
        }
        train = trainSet.build();
        test = testSet.build();
    }

    TrainingSettings settings(PredictionTask task, int epochs, long seed) {
        return new TrainingSettings(task, epochs, 0, 64, 0.01, seed, consumers, products);
    }

    /** Collects samples into flat arrays (ratings 1..5 scaled to [0,1]). */
    private static final class Builder {
        final long[] ids;
        final int[] consumers;
        final int[] products;
        final int[] history;
        final float[] positive;
        final float[] negative;
        final float[] target;
        final double[] rating;
        int size;

        Builder(int n) {
            ids = new long[n];
            consumers = new int[n];
            products = new int[n];
            history = new int[n * SampleSet.HISTORY];
            positive = new float[n * 8];
            negative = new float[n * 8];
            target = new float[n];
            rating = new double[n];
        }

        void add(long id, int consumer, int product, int[] hist, float[] pos, float[] neg, double r) {
            ids[size] = id;
            consumers[size] = consumer;
            products[size] = product;
            System.arraycopy(hist, 0, history, size * SampleSet.HISTORY, SampleSet.HISTORY);
            System.arraycopy(pos, 0, positive, size * 8, 8);
            System.arraycopy(neg, 0, negative, size * 8, 8);
            target[size] = (float) ((r - 1) / 4);
            rating[size] = r;
            size++;
        }

        SampleSet build() {
            return new SampleSet(ids, consumers, products, history, positive, negative, 8, target, rating);
        }
    }
}
