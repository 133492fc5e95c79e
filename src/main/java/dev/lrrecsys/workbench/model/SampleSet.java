package dev.lrrecsys.workbench.model;

/**
 * A batch-ready set of samples as flat arrays, the one input shape every {@link RatingModel} takes.
 *
 * @param sampleIds       ids of the samples (table {@code sample})
 * @param consumers       consumer index per sample, 0..numConsumers-1 (dense, assigned by the loader)
 * @param products        candidate product index per sample, 0..numProducts-1
 * @param history         n*5 history product indices, oldest to newest, left-padded with -1
 * @param positive        n*explanationDim features of the positive explanation (autoencoder codes,
 *                        sentence embeddings...); all zeros where a model uses none
 * @param negative        n*explanationDim features of the negative explanation
 * @param explanationDim  width of one explanation feature vector (8 for autoencoder codes)
 * @param target          the label in [0,1]: scaled rating (regression) or 1/0 high/low (classification)
 * @param rating          the rating on the original scale, for reporting
 */
public record SampleSet(long[] sampleIds, int[] consumers, int[] products, int[] history,
                        float[] positive, float[] negative, int explanationDim,
                        float[] target, double[] rating) {

    public static final int HISTORY = 5;

    public int size() {
        return sampleIds.length;
    }

    /**
     * The same samples with explanation features permuted across samples (the shuffling honesty check): sample i
     * gets the features of sample {@code explanationPermutation(size(), seed)[i]}.
     */
    public SampleSet shuffledExplanations(long seed) {
        int d = explanationDim;
        int[] order = explanationPermutation(size(), seed);
        float[] shuffledPositive = new float[positive.length];
        float[] shuffledNegative = new float[negative.length];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(positive, order[i] * d, shuffledPositive, i * d, d);
            System.arraycopy(negative, order[i] * d, shuffledNegative, i * d, d);
        }
        return new SampleSet(sampleIds, consumers, products, history, shuffledPositive, shuffledNegative, d,
                target, rating);
    }

    /**
     * The seeded permutation {@link #shuffledExplanations} applies to {@code n} samples; public so that the case
     * workbench can say whose explanations a shuffled run read for a sample.
     */
    public static int[] explanationPermutation(int n, long seed) {
        int[] order = new int[n];
        java.util.Arrays.setAll(order, i -> i);
        java.util.Random random = new java.util.Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
