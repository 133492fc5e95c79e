package dev.lrrecsys.workbench.model;

/**
 * The LR-Recsys network of {@link LrRecsysGraph} (same weights, same maths) for one sample on flat arrays, run by
 * the {@link KernelHost}. SameDiff spends most of a step on per-op bookkeeping for this tiny network (about 230
 * ops of 128 x 8 values, measured in docs/models.md); here a step is one pass per sample with no allocation. Its
 * gradients equal the graph's (KernelTest).
 */
final class LrRecsysPass implements SamplePass {

    private static final int D = LrRecsysGraph.DIM;
    private static final int TOKENS = LrRecsysGraph.TOKENS;
    private static final int HISTORY = LrRecsysGraph.HISTORY;
    private static final int FLAT = TOKENS * D;
    private static final int HIDDEN = 64;

    private final LrRecsysVariant variant;
    private final int paddingProduct;
    private final int consumerTable;
    private final int productTable;
    private final int historyQkv;
    private final int tokenQkv;
    private final int context;
    private final DenseLayer mlp1;
    private final DenseLayer mlp2;
    private final DenseLayer mlp3;
    /** Offsets of each explanation slot's projection (wide features), -1 (8-dim features), or its learned constant. */
    private final int positiveSlot;
    private final int negativeSlot;
    private final GruKernel gru;
    private final int[] historyRows = new int[HISTORY];
    private final float[] dHistory = new float[HISTORY * D];
    private final SelfAttentionKernel historyAttention = new SelfAttentionKernel(HISTORY);
    private final SelfAttentionKernel tokenAttention = new SelfAttentionKernel(TOKENS);
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
    private final float[] logit = new float[1];
    private final float[] dLogits = new float[1];
    private final float[] dH1 = new float[HIDDEN];
    private final float[] dH2 = new float[D];
    private final float[] dAttended = new float[FLAT];
    private final float[] dTokens = new float[FLAT];
    private final float[] dHistoryAttended = new float[HISTORY * D];

    LrRecsysPass(ParameterLayout layout, int paddingProduct, LrRecsysVariant variant) {
        this.variant = variant;
        this.paddingProduct = paddingProduct;
        consumerTable = layout.offset(GraphRatingModel.CONSUMER_TABLE);
        productTable = layout.offset(GraphRatingModel.PRODUCT_TABLE);
        historyQkv = layout.offset("historyQkv");
        tokenQkv = layout.offset("tokenQkv");
        context = layout.offset("context");
        mlp1 = new DenseLayer(layout, "mlp1", FLAT, HIDDEN, true);
        mlp2 = new DenseLayer(layout, "mlp2", HIDDEN, D, true);
        mlp3 = new DenseLayer(layout, "mlp3", D, 1, false);
        positiveSlot = slotOffset(layout, variant.usesPositive(), LrRecsysGraph.POSITIVE, "positiveConstant");
        negativeSlot = slotOffset(layout, variant.usesNegative(), LrRecsysGraph.NEGATIVE, "negativeConstant");
        gru = new GruKernel(layout);
    }

    private static int slotOffset(ParameterLayout layout, boolean usesFeatures, String name, String constant) {
        if (!usesFeatures) {
            return layout.offset(constant);
        }
        return layout.has(name + "Projection") ? layout.offset(name + "Projection") : -1;
    }

    @Override
    public void copyAttention(float[] out, int at) {
        System.arraycopy(alpha, 0, out, at, TOKENS * TOKENS);
    }

    /** The logit of sample {@code s}; leaves every intermediate value for {@link #backward}. */
    @Override
    public float forward(SampleSet set, int s, float[] w) {
        explanationToken(set.positive(), set.explanationDim(), s, positiveSlot, variant.usesPositive(), 0, w);
        explanationToken(set.negative(), set.explanationDim(), s, negativeSlot, variant.usesNegative(), D, w);
        System.arraycopy(w, consumerTable + set.consumers()[s] * D, tokens, 2 * D, D);
        System.arraycopy(w, productTable + set.products()[s] * D, tokens, 3 * D, D);
        int[] hist = set.history();
        for (int k = 0; k < HISTORY; k++) {
            int p = hist[s * HISTORY + k];
            historyRows[k] = p < 0 ? paddingProduct : p;
            System.arraycopy(w, productTable + historyRows[k] * D, history, k * D, D);
        }
        historyAttention.forward(history, 0, w, historyQkv, historyQkvOut, historyAlpha, historyAttended, 0);
        gru.forward(historyAttended, w);
        System.arraycopy(gru.hidden, HISTORY * D, tokens, 4 * D, D);
        System.arraycopy(w, context, tokens, 5 * D, D);
        tokenAttention.forward(tokens, 0, w, tokenQkv, tokenQkvOut, alpha, attended, 0);

        mlp1.forward(w, attended, 0, h1);
        mlp2.forward(w, h1, 0, h2);
        mlp3.forward(w, h2, 0, logit);
        return logit[0];
    }

    private void explanationToken(float[] features, int dim, int s, int slot, boolean usesFeatures, int at,
                                  float[] w) {
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
    @Override
    public void backward(SampleSet set, int s, float[] w, float dLogit, float[] grad) {
        dLogits[0] = dLogit;
        mlp3.backward(w, h2, 0, logit, dLogits, grad, dH2, 0);
        mlp2.backward(w, h1, 0, h2, dH2, grad, dH1, 0);
        mlp1.backward(w, attended, 0, h1, dH1, grad, dAttended, 0);
        tokenAttention.backward(tokens, 0, w, tokenQkv, tokenQkvOut, alpha, dAttended, 0, grad, dTokens, 0);
        explanationGradient(set.positive(), set.explanationDim(), s, positiveSlot, variant.usesPositive(), 0, grad);
        explanationGradient(set.negative(), set.explanationDim(), s, negativeSlot, variant.usesNegative(), D, grad);
        addRow(grad, consumerTable + set.consumers()[s] * D, dTokens, 2 * D);
        addRow(grad, productTable + set.products()[s] * D, dTokens, 3 * D);
        for (int j = 0; j < D; j++) {
            grad[context + j] += dTokens[5 * D + j];
        }
        gru.backward(historyAttended, w, dTokens, 4 * D, grad, dHistoryAttended);
        historyAttention.backward(history, 0, w, historyQkv, historyQkvOut, historyAlpha, dHistoryAttended, 0,
                grad, dHistory, 0);
        for (int k = 0; k < HISTORY; k++) {
            addRow(grad, productTable + historyRows[k] * D, dHistory, k * D);
        }
    }

    private void explanationGradient(float[] features, int dim, int s, int slot, boolean usesFeatures, int at,
                                     float[] grad) {
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

    private static void addRow(float[] grad, int row, float[] rows, int at) {
        for (int k = 0; k < D; k++) {
            grad[row + k] += rows[at + k];
        }
    }
}
