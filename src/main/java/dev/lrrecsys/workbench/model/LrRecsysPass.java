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
    static final int HIDDEN = 64;

    private final LrRecsysVariant variant;
    private final int paddingProduct;
    private final int consumerTable;
    private final int productTable;
    private final int historyQkv;
    private final int tokenQkv;
    private final int mlp1W;
    private final int mlp1b;
    private final int mlp2W;
    private final int mlp2b;
    private final int mlp3W;
    private final int mlp3b;
    private final int context;
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
    /** Dropout factor of each unit of h1 for the sample last passed forward (all 1 without dropout). */
    private final float[] h1Keep = new float[HIDDEN];
    private double dropoutRate;
    private long dropoutKey;
    private final float[] h2 = new float[D];
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
        mlp1W = layout.offset("mlp1W");
        mlp1b = layout.offset("mlp1b");
        mlp2W = layout.offset("mlp2W");
        mlp2b = layout.offset("mlp2b");
        mlp3W = layout.offset("mlp3W");
        mlp3b = layout.offset("mlp3b");
        context = layout.offset("context");
        positiveSlot = slotOffset(layout, variant.usesPositive(), LrRecsysGraph.POSITIVE, "positiveConstant");
        negativeSlot = slotOffset(layout, variant.usesNegative(), LrRecsysGraph.NEGATIVE, "negativeConstant");
        gru = new GruKernel(layout);
    }

    private static int slotOffset(ParameterLayout layout, boolean usesFeatures, String name, String constant) {
        if (!usesFeatures) {
            return layout.offset(constant);
        }
        return ExplanationSlot.projection(layout, name);
    }

    @Override
    public void dropout(double rate, long key) {
        dropoutRate = rate;
        dropoutKey = key;
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

        System.arraycopy(w, mlp1b, h1, 0, HIDDEN);
        for (int i = 0; i < FLAT; i++) {
            float a = attended[i];
            int row = mlp1W + i * HIDDEN;
            for (int j = 0; j < HIDDEN; j++) {
                h1[j] += a * w[row + j];
            }
        }
        for (int j = 0; j < HIDDEN; j++) {
            h1Keep[j] = dropoutRate > 0 ? Regularisation.keep(dropoutKey, s, j, dropoutRate) : 1f;
            h1[j] = Math.max(h1[j], 0f) * h1Keep[j];
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

    private void explanationToken(float[] features, int dim, int s, int slot, boolean usesFeatures, int at,
                                  float[] w) {
        if (usesFeatures) {
            ExplanationSlot.forward(features, dim, s, w, slot, tokens, at);
        } else {
            System.arraycopy(w, slot, tokens, at, D);
        }
    }

    /** Adds sample {@code s}'s gradients (its loss gradient is {@code dLogit}); row gradients go to {@code slot}. */
    @Override
    public void backward(SampleSet set, int s, float[] w, float dLogit, float[] grad) {
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
            // h1 = relu(.) * keep: zero (inactive or dropped) passes nothing, a kept unit its factor.
            dH1[i] = a > 0f ? back * h1Keep[i] : 0f;
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
        if (usesFeatures) {
            ExplanationSlot.backward(features, dim, s, slot, dTokens, at, grad);
        } else {
            for (int j = 0; j < D; j++) {
                grad[slot + j] += dTokens[at + j];
            }
        }
    }

    private static void addRow(float[] grad, int row, float[] rows, int at) {
        for (int k = 0; k < D; k++) {
            grad[row + k] += rows[at + k];
        }
    }
}
