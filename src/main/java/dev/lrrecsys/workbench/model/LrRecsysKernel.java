package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * The LR-Recsys network of {@link LrRecsysGraph} (same weights, same maths) as a hand-written CPU kernel:
 * forward, backward and Adam for a whole batch in plain loops over flat float arrays. SameDiff spends most of
 * a step on per-op bookkeeping for this tiny network (about 230 ops of 128 x 8 values, measured in
 * docs/models.md); here a step is one pass per sample with no allocation. Its gradients equal the graph's
 * (LrRecsysKernelTest). The batch is cut into {@value #CHUNKS} fixed chunks whose gradients are summed in
 * chunk order, so results do not depend on how many threads ran them.
 */
final class LrRecsysKernel implements AutoCloseable {

    static final int CHUNKS = FixedChunks.COUNT;
    private static final int D = LrRecsysGraph.DIM;
    private static final int TOKENS = LrRecsysGraph.TOKENS;
    private static final int HISTORY = LrRecsysGraph.HISTORY;
    private static final int FLAT = TOKENS * D;
    private static final int HIDDEN = 64;

    private final LrRecsysGraph.Shape shape;
    private final ParameterLayout layout;
    private final float[] w;
    private final float[] consumers;
    private final float[] products;
    private final AdamStep adamWeights;
    private final AdamStep adamConsumers;
    private final AdamStep adamProducts;
    private final float[] gradWeights;
    private final float[] gradConsumers;
    private final float[] gradProducts;
    private final Chunk[] chunks = new Chunk[CHUNKS];
    /** Each chunk's weight gradients ({@code chunks[c].grad}), for the chunk-ordered sum. */
    private final float[][] chunkGrads = new float[CHUNKS][];
    private final FixedChunks runner;

    private final int historyQkv;
    private final int tokenQkv;
    private final int mlp1W;
    private final int mlp1b;
    private final int mlp2W;
    private final int mlp2b;
    private final int mlp3W;
    private final int mlp3b;
    private final int context;
    private final int positiveSlot;
    private final int negativeSlot;

    /** Row gradients of the current batch, by position in the batch: consumer, candidate, 5 history rows. */
    private float[] dConsumerRows = new float[0];
    private float[] dProductRows = new float[0];
    private float[] dHistoryRows = new float[0];
    private int iteration;

    /**
     * A kernel holding a copy of {@code parameters} (the tables "consumerTable" and "productTable" plus the
     * graph's weights by name), running on {@code threads} threads.
     */
    LrRecsysKernel(LrRecsysGraph.Shape shape, Map<String, INDArray> parameters, int threads) {
        this.shape = shape;
        Map<String, INDArray> weights = new java.util.LinkedHashMap<>(parameters);
        this.consumers = weights.remove(LrRecsysState.CONSUMER_TABLE).dup('c').data().asFloat();
        this.products = weights.remove(LrRecsysState.PRODUCT_TABLE).dup('c').data().asFloat();
        this.layout = new ParameterLayout(weights);
        this.w = layout.flatten(weights);
        this.adamWeights = new AdamStep(w.length);
        this.adamConsumers = new AdamStep(consumers.length);
        this.adamProducts = new AdamStep(products.length);
        this.gradWeights = new float[w.length];
        this.gradConsumers = new float[consumers.length];
        this.gradProducts = new float[products.length];
        historyQkv = layout.offset("historyQkv");
        tokenQkv = layout.offset("tokenQkv");
        mlp1W = layout.offset("mlp1W");
        mlp1b = layout.offset("mlp1b");
        mlp2W = layout.offset("mlp2W");
        mlp2b = layout.offset("mlp2b");
        mlp3W = layout.offset("mlp3W");
        mlp3b = layout.offset("mlp3b");
        context = layout.offset("context");
        positiveSlot = slotOffset(shape.variant().usesPositive(), LrRecsysGraph.POSITIVE, "positiveConstant");
        negativeSlot = slotOffset(shape.variant().usesNegative(), LrRecsysGraph.NEGATIVE, "negativeConstant");
        for (int c = 0; c < CHUNKS; c++) {
            chunks[c] = new Chunk();
            chunkGrads[c] = chunks[c].grad;
        }
        this.runner = new FixedChunks(threads);
    }

    /** Offset of a slot's projection (wide features), of nothing (8-dim features: -1), or of its learned constant. */
    private int slotOffset(boolean usesFeatures, String name, String constant) {
        if (!usesFeatures) {
            return layout.offset(constant);
        }
        return shape.explanationDim() == D ? -1 : layout.offset(name + "Projection");
    }

    /** Threads for training: the processors, at most one per chunk; {@code lrw.train.threads} overrides. */
    static int defaultThreads() {
        return Math.max(1, Integer.getInteger("lrw.train.threads", Math.min(CHUNKS,
                Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Forward, backward and one Adam step on samples {@code order[from .. from+size-1]} of {@code set}.
     *
     * @return the batch's mean loss; when it is not finite nothing was updated
     */
    double trainStep(SampleSet set, int[] order, int from, int size, double learningRate) {
        ensureBatchCapacity(size);
        int parts = FixedChunks.parts(size);
        runner.run(size, (part, lo, hi) -> chunks[part].train(set, order, from + lo, from + hi, from, size));
        double loss = 0;
        for (int c = 0; c < parts; c++) {
            loss += chunks[c].loss;
        }
        loss /= size;
        if (!Double.isFinite(loss)) {
            return loss;
        }
        FixedChunks.sumInOrder(chunkGrads, parts, gradWeights, 0, gradWeights.length);
        scatterRowGradients(set, order, from, size);
        float step = AdamStep.stepSize(learningRate, iteration);
        adamWeights.apply(w, gradWeights, step, 0, w.length);
        adamConsumers.apply(consumers, gradConsumers, step, 0, consumers.length);
        adamProducts.apply(products, gradProducts, step, 0, products.length);
        iteration++;
        return loss;
    }

    /** Sums each batch position's row gradients into the two tables' dense gradients (in batch order). */
    private void scatterRowGradients(SampleSet set, int[] order, int from, int size) {
        java.util.Arrays.fill(gradConsumers, 0f);
        java.util.Arrays.fill(gradProducts, 0f);
        int[] hist = set.history();
        for (int i = 0; i < size; i++) {
            int s = order[from + i];
            addRow(gradConsumers, set.consumers()[s], dConsumerRows, i);
            addRow(gradProducts, set.products()[s], dProductRows, i);
            for (int k = 0; k < HISTORY; k++) {
                int p = hist[s * HISTORY + k];
                addRow(gradProducts, p < 0 ? shape.paddingProduct() : p, dHistoryRows, i * HISTORY + k);
            }
        }
    }

    private static void addRow(float[] table, int row, float[] rows, int at) {
        int t = row * D;
        int r = at * D;
        for (int k = 0; k < D; k++) {
            table[t + k] += rows[r + k];
        }
    }

    /**
     * Predictions (sigmoid, one per sample) and, when {@code alpha} is not null, the 6 x 6 token attention weights
     * of every sample of {@code set}.
     */
    void infer(SampleSet set, float[] prediction, float[] alpha) {
        runner.run(set.size(), (part, lo, hi) -> chunks[part].infer(set, lo, hi, prediction, alpha));
    }

    /** Writes the kernel's current values into {@code parameters} (same names and shapes it was built from). */
    void copyTo(Map<String, INDArray> parameters) {
        Map<String, INDArray> weights = new java.util.LinkedHashMap<>(parameters);
        assign(weights.remove(LrRecsysState.CONSUMER_TABLE), consumers);
        assign(weights.remove(LrRecsysState.PRODUCT_TABLE), products);
        layout.unflatten(w, weights);
    }

    private static void assign(INDArray target, float[] values) {
        target.assign(org.nd4j.linalg.factory.Nd4j.createFromArray(values).reshape(target.shape()));
    }

    /** The summed weight gradients of the last step, in the layout's order (tests compare them with SameDiff's). */
    float[] lastWeightGradients() {
        return gradWeights.clone();
    }

    float[] lastConsumerGradients() {
        return gradConsumers.clone();
    }

    float[] lastProductGradients() {
        return gradProducts.clone();
    }

    ParameterLayout layout() {
        return layout;
    }

    @Override
    public void close() {
        runner.close();
    }

    private void ensureBatchCapacity(int size) {
        if (dConsumerRows.length < size * D) {
            dConsumerRows = new float[size * D];
            dProductRows = new float[size * D];
            dHistoryRows = new float[size * HISTORY * D];
        }
    }

    /** One chunk's scratch arrays and weight gradients: a sample's forward caches and backward temporaries. */
    private final class Chunk {
        final float[] grad = new float[w.length];
        double loss;

        private final LogitLoss objective = new LogitLoss(shape.task());
        private final SelfAttentionKernel historyAttention = new SelfAttentionKernel(HISTORY);
        private final SelfAttentionKernel tokenAttention = new SelfAttentionKernel(TOKENS);
        private final GruKernel gru = new GruKernel(layout);
        private final float[] history = new float[HISTORY * D];
        private final float[] historyQkvOut = new float[HISTORY * 3 * D];
        private final float[] historyAlpha = new float[HISTORY * HISTORY];
        private final float[] historyAttended = new float[HISTORY * D];
        private final float[] tokens = new float[FLAT];
        private final float[] tokenQkvOut = new float[TOKENS * 3 * D];
        private final float[] alpha = new float[TOKENS * TOKENS];
        private final float[] attended = new float[FLAT];
        private final float[] h1 = new float[HIDDEN];
        private final float[] h2 = new float[D];
        private final float[] dH1 = new float[HIDDEN];
        private final float[] dH2 = new float[D];
        private final float[] dAttended = new float[FLAT];
        private final float[] dTokens = new float[FLAT];
        private final float[] dHistoryAttended = new float[HISTORY * D];

        /** Forward and backward over batch positions of {@code order[lo..hi)}; the batch starts at {@code from}. */
        void train(SampleSet set, int[] order, int lo, int hi, int from, int batchSize) {
            java.util.Arrays.fill(grad, 0f);
            double sum = 0;
            for (int at = lo; at < hi; at++) {
                int s = order[at];
                sum += objective.add(forward(set, s), set.target()[s], batchSize);
                backward(set, s, at - from, objective.dLogit);
            }
            loss = sum;
        }

        void infer(SampleSet set, int lo, int hi, float[] prediction, float[] alphaOut) {
            for (int s = lo; s < hi; s++) {
                prediction[s] = GruKernel.sigmoid(forward(set, s));
                if (alphaOut != null) {
                    System.arraycopy(alpha, 0, alphaOut, s * TOKENS * TOKENS, TOKENS * TOKENS);
                }
            }
        }

        /** The logit of sample {@code s}; leaves every intermediate value for {@link #backward}. */
        private float forward(SampleSet set, int s) {
            explanationToken(set.positive(), set.explanationDim(), s, positiveSlot, shape.variant().usesPositive(), 0);
            explanationToken(set.negative(), set.explanationDim(), s, negativeSlot, shape.variant().usesNegative(), D);
            System.arraycopy(consumers, set.consumers()[s] * D, tokens, 2 * D, D);
            System.arraycopy(products, set.products()[s] * D, tokens, 3 * D, D);
            int[] hist = set.history();
            for (int k = 0; k < HISTORY; k++) {
                int p = hist[s * HISTORY + k];
                System.arraycopy(products, (p < 0 ? shape.paddingProduct() : p) * D, history, k * D, D);
            }
            historyAttention.forward(history, 0, w, historyQkv, historyQkvOut, historyAlpha, historyAttended, 0);
            gru.forward(historyAttended, w);
            System.arraycopy(gru.hidden, HISTORY * D, tokens, 4 * D, D);
            System.arraycopy(w, context, tokens, 5 * D, D);
            tokenAttention.forward(tokens, 0, w, tokenQkv, tokenQkvOut, alpha, attended, 0);

            System.arraycopy(w, mlp1b, h1, 0, HIDDEN);
            for (int i = 0; i < FLAT; i++) {
                float a = attended[i];
                int row = mlp1W + i * HIDDEN;
                for (int j = 0; j < HIDDEN; j++) {
                    h1[j] += a * w[row + j];
                }
            }
            for (int j = 0; j < HIDDEN; j++) {
                h1[j] = Math.max(h1[j], 0f);
            }
            System.arraycopy(w, mlp2b, h2, 0, D);
            for (int i = 0; i < HIDDEN; i++) {
                float a = h1[i];
                int row = mlp2W + i * D;
                for (int j = 0; j < D; j++) {
                    h2[j] += a * w[row + j];
                }
            }
            float logit = w[mlp3b];
            for (int j = 0; j < D; j++) {
                h2[j] = Math.max(h2[j], 0f);
                logit += h2[j] * w[mlp3W + j];
            }
            return logit;
        }

        private void explanationToken(float[] features, int dim, int s, int slot, boolean usesFeatures, int at) {
            if (!usesFeatures) {
                System.arraycopy(w, slot, tokens, at, D);
            } else if (slot < 0) {
                System.arraycopy(features, s * dim, tokens, at, D);
            } else {
                for (int j = 0; j < D; j++) {
                    tokens[at + j] = 0f;
                }
                for (int k = 0; k < dim; k++) {
                    float x = features[s * dim + k];
                    int row = slot + k * D;
                    for (int j = 0; j < D; j++) {
                        tokens[at + j] += x * w[row + j];
                    }
                }
            }
        }

        /** Adds sample {@code s}'s gradients (its loss gradient is {@code dLogit}); row gradients go to {@code slot}. */
        private void backward(SampleSet set, int s, int slot, float dLogit) {
            grad[mlp3b] += dLogit;
            for (int j = 0; j < D; j++) {
                grad[mlp3W + j] += h2[j] * dLogit;
                // h2 holds relu outputs: a zero output had a non-positive input and passes no gradient.
                dH2[j] = h2[j] > 0f ? w[mlp3W + j] * dLogit : 0f;
                grad[mlp2b + j] += dH2[j];
            }
            for (int i = 0; i < HIDDEN; i++) {
                float a = h1[i];
                int row = mlp2W + i * D;
                float back = 0f;
                for (int j = 0; j < D; j++) {
                    grad[row + j] += a * dH2[j];
                    back += w[row + j] * dH2[j];
                }
                dH1[i] = a > 0f ? back : 0f;
                grad[mlp1b + i] += dH1[i];
            }
            // Gradient and back-propagation in separate loops: the first vectorises, the second is a dot product.
            for (int i = 0; i < FLAT; i++) {
                float a = attended[i];
                int row = mlp1W + i * HIDDEN;
                for (int j = 0; j < HIDDEN; j++) {
                    grad[row + j] += a * dH1[j];
                }
                float back = 0f;
                for (int j = 0; j < HIDDEN; j++) {
                    back += w[row + j] * dH1[j];
                }
                dAttended[i] = back;
            }
            tokenAttention.backward(tokens, 0, w, tokenQkv, tokenQkvOut, alpha, dAttended, 0, grad, dTokens, 0);
            explanationGradient(set.positive(), set.explanationDim(), s, positiveSlot, shape.variant().usesPositive(), 0);
            explanationGradient(set.negative(), set.explanationDim(), s, negativeSlot, shape.variant().usesNegative(), D);
            System.arraycopy(dTokens, 2 * D, dConsumerRows, slot * D, D);
            System.arraycopy(dTokens, 3 * D, dProductRows, slot * D, D);
            for (int j = 0; j < D; j++) {
                grad[context + j] += dTokens[5 * D + j];
            }
            gru.backward(historyAttended, w, dTokens, 4 * D, grad, dHistoryAttended);
            historyAttention.backward(history, 0, w, historyQkv, historyQkvOut, historyAlpha, dHistoryAttended, 0,
                    grad, dHistoryRows, slot * HISTORY * D);
        }

        private void explanationGradient(float[] features, int dim, int s, int slot, boolean usesFeatures, int at) {
            if (!usesFeatures) {
                for (int j = 0; j < D; j++) {
                    grad[slot + j] += dTokens[at + j];
                }
            } else if (slot >= 0) {
                for (int k = 0; k < dim; k++) {
                    float x = features[s * dim + k];
                    int row = slot + k * D;
                    for (int j = 0; j < D; j++) {
                        grad[row + j] += x * dTokens[at + j];
                    }
                }
            }
        }
    }
}
