package dev.lrrecsys.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Defines the SameDiff graph of LR-Recsys (PRODUCT.md step 4) with embedding dimension 8 everywhere:
 * consumer/product tables, self-attention then a hand-written GRU over the 5 history products,
 * 6-token self-attention over [pos, neg, consumer, product, sequence, context], MLP [64, 8, 1].
 * Matrix products stay 2-D or plain batched {@code mmul} (SameDiff's tensorMmul gradient fails on 3-D).
 */
final class LrRecsysGraph {

    static final int DIM = GraphRatingModel.DIM;
    static final int HISTORY = SampleSet.HISTORY;
    static final int TOKENS = AttentionModel.TOKENS;

    static final String POSITIVE = GraphRatingModel.POSITIVE;
    static final String NEGATIVE = GraphRatingModel.NEGATIVE;
    /** The 6 x 6 token attention weights. */
    static final String ALPHA = "alpha";

    private final SameDiff sd;
    private final ParameterInit init;

    private LrRecsysGraph(SameDiff sd, ParameterInit init) {
        this.sd = sd;
        this.init = init;
    }

    /**
     * Defines the network into {@code sd}, whose placeholders the host made; the tables are drawn from
     * {@code init}, every other weight from {@code init.next()}.
     *
     * @return the pre-sigmoid logit, [n, 1]
     */
    static SDVariable logit(SameDiff sd, GraphRatingModel.Shape s, LrRecsysVariant variant, ParameterInit init) {
        int nc = s.numConsumers();
        int np = s.numProducts() + 1;
        // The extra last product row is the learned padding vector of short histories.
        SDVariable consumers = init.normal(sd, GraphRatingModel.CONSUMER_TABLE, nc, DIM, 0.1);
        SDVariable products = init.normal(sd, GraphRatingModel.PRODUCT_TABLE, np, DIM, 0.1);
        SDVariable eConsumer = RowLookup.rows(sd, consumers, sd.getVariable(GraphRatingModel.CONSUMER), nc);
        SDVariable eProduct = RowLookup.rows(sd, products, sd.getVariable(GraphRatingModel.PRODUCT), np);
        SDVariable historyRows = RowLookup.rows(sd, products, sd.getVariable(GraphRatingModel.HISTORY).reshape(-1), np);
        return new LrRecsysGraph(sd, init.next()).define(s, variant, eConsumer, eProduct, historyRows);
    }

    private SDVariable define(GraphRatingModel.Shape s, LrRecsysVariant variant, SDVariable eConsumer,
                              SDVariable eProduct, SDVariable historyRows) {
        SDVariable eSequence = sequence(historyRows);
        SDVariable ePositive = variant.usesPositive()
                ? explanation(POSITIVE, s.explanationDim()) : constantToken("positiveConstant", eConsumer);
        SDVariable eNegative = variant.usesNegative()
                ? explanation(NEGATIVE, s.explanationDim()) : constantToken("negativeConstant", eConsumer);
        SDVariable eContext = constantToken("context", eConsumer);

        SDVariable tokens = sd.concat(1, ePositive, eNegative, eConsumer, eProduct, eSequence, eContext)
                .reshape(-1, TOKENS, DIM);
        SDVariable attended = selfAttention("token", tokens, TOKENS, ALPHA);

        SDVariable flat = attended.reshape(-1, TOKENS * DIM);
        SDVariable h1 = GraphRatingModel.droppedOut(sd,
                sd.nn().relu(sd.nn().linear(flat, weight("mlp1W", TOKENS * DIM, 64), bias("mlp1b", 64)), 0));
        SDVariable h2 = sd.nn().relu(sd.nn().linear(h1, weight("mlp2W", 64, DIM), bias("mlp2b", DIM)), 0);
        return sd.nn().linear(h2, weight("mlp3W", DIM, 1), bias("mlp3b", 1));
    }

    /** An explanation feature placeholder, projected to 8 dimensions when it is wider (sentence embeddings). */
    private SDVariable explanation(String name, int width) {
        SDVariable in = sd.getVariable(name);
        return width == DIM ? in : in.mmul(weight(name + "Projection", width, DIM));
    }

    /** A learned 8-dim vector repeated for every sample of the batch (broadcast onto a zero row). */
    private SDVariable constantToken(String name, SDVariable anyToken) {
        SDVariable v = init.normal(sd, name, 1, DIM, 0.1);
        return anyToken.mul(0.0).add(v);
    }

    /** Self-attention over the history products, then a GRU whose last hidden state is E_seq. */
    private SDVariable sequence(SDVariable historyFlat) {
        SDVariable s = historyFlat.reshape(-1, HISTORY, DIM);
        SDVariable attended = selfAttention("history", s, HISTORY, null);
        return gru(attended);
    }

    /** softmax(Q K^T / sqrt(d_k)) V with Q, K, V = X W^Q, X W^K, X W^V over n x tokens x 8 inputs. */
    private SDVariable selfAttention(String prefix, SDVariable x, int tokens, String weightsName) {
        SDVariable x2 = x.reshape(-1, DIM);
        SDVariable qkv = x2.mmul(weight(prefix + "Qkv", DIM, 3 * DIM)).reshape(-1, tokens, 3 * DIM);
        SDVariable[] parts = sd.split(qkv, 3, 2);
        SDVariable scores = sd.mmul(parts[0], parts[1], false, true, false).mul(1.0 / Math.sqrt(DIM));
        SDVariable weights = weightsName == null ? sd.nn().softmax(scores, 2) : sd.nn().softmax(weightsName, scores, 2);
        return sd.mmul(weights, parts[2]);
    }

    /**
     * GRU with hidden size 8 unrolled over the 5 steps (PyTorch's gate layout: r, z, n with the n-gate's
     * recurrent bias inside the reset product). Input projections of all steps are one matrix product.
     */
    private SDVariable gru(SDVariable x) {
        SDVariable x2 = x.reshape(-1, DIM);
        SDVariable[] xGates = sd.unstack(
                sd.nn().linear(x2, weight("gruInRz", DIM, 2 * DIM), bias("gruInRzB", 2 * DIM)).reshape(-1, HISTORY, 2 * DIM),
                1, HISTORY);
        SDVariable[] xCandidate = sd.unstack(
                sd.nn().linear(x2, weight("gruInN", DIM, DIM), bias("gruInNB", DIM)).reshape(-1, HISTORY, DIM),
                1, HISTORY);
        SDVariable hRz = recurrentWeight("gruHidRz", 2 * DIM);
        SDVariable hN = recurrentWeight("gruHidN", DIM);
        SDVariable hNBias = bias("gruHidNB", DIM);

        // Step 0 starts from h = 0, so its recurrent products vanish.
        SDVariable[] rz = sd.split(sd.nn().sigmoid(xGates[0]), 2, 1);
        SDVariable candidate = sd.nn().tanh(xCandidate[0].add(rz[0].mul(hNBias)));
        SDVariable h = candidate.sub(rz[1].mul(candidate));
        for (int t = 1; t < HISTORY; t++) {
            rz = sd.split(sd.nn().sigmoid(xGates[t].add(h.mmul(hRz))), 2, 1);
            candidate = sd.nn().tanh(xCandidate[t].add(rz[0].mul(h.mmul(hN).add(hNBias))));
            h = candidate.add(rz[1].mul(h.sub(candidate)));
        }
        return h;
    }

    private SDVariable recurrentWeight(String name, int cols) {
        return init.uniform(sd, name, DIM, cols, 1.0 / Math.sqrt(DIM));
    }

    private SDVariable weight(String name, int rows, int cols) {
        return init.matrix(sd, name, rows, cols);
    }

    private SDVariable bias(String name, int size) {
        return init.zeroVector(sd, name, size);
    }
}
