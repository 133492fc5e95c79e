package dev.lrrecsys.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/**
 * Classic reference without explanations, SASRec-like: the 5 history products' embeddings plus learned
 * positional embeddings -> one masked self-attention block (residual + feed-forward) -> the newest
 * position's state, scored against the candidate by a small MLP over [state, candidate, state * candidate].
 */
public final class SelfAttentiveSequenceModel extends GraphRatingModel {

    public static final String ID = "sasrec";
    private static final int H = SampleSet.HISTORY;

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected List<String> inputs() {
        return List.of(PRODUCT, HISTORY);
    }

    @Override
    protected SDVariable logit(SameDiff sd, Shape shape, Weights w) {
        SDVariable history = sd.getVariable(HISTORY);
        int np = shape.numProducts() + 1;
        SDVariable table = w.table(sd, PRODUCT_TABLE, np, DIM);
        SDVariable positions = w.table(sd, "positionTable", H, DIM).reshape(1, H, DIM);
        SDVariable s = RowLookup.rows(sd, table, history.reshape(-1), np).reshape(-1, H, DIM).add(positions);

        // Empty history slots (the padding row) must receive no attention.
        SDVariable padding = history.castTo(DataType.FLOAT).eq((double) shape.numProducts()).castTo(DataType.FLOAT)
                .reshape(-1, 1, H).mul(-1e9);
        SDVariable s2 = s.reshape(-1, DIM);
        SDVariable q = s2.mmul(w.matrix(sd, "wq", DIM, DIM)).reshape(-1, H, DIM);
        SDVariable k = s2.mmul(w.matrix(sd, "wk", DIM, DIM)).reshape(-1, H, DIM);
        SDVariable v = s2.mmul(w.matrix(sd, "wv", DIM, DIM)).reshape(-1, H, DIM);
        SDVariable scores = sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(DIM)).add(padding);
        SDVariable attended = s.add(sd.mmul(sd.nn().softmax(scores, 2), v));
        SDVariable a2 = attended.reshape(-1, DIM);
        SDVariable ffn = dense(sd, w, "ffn2", sd.nn().relu(dense(sd, w, "ffn1", a2, DIM, DIM), 0), DIM, DIM);
        SDVariable block = a2.add(ffn).reshape(-1, H, DIM);
        SDVariable state = sd.unstack(block, 1, H)[H - 1];

        SDVariable candidate = RowLookup.rows(sd, table, sd.getVariable(PRODUCT), np);
        SDVariable x = sd.concat(1, state, candidate, state.mul(candidate));
        SDVariable hidden = sd.nn().relu(dense(sd, w, "mlp1", x, 3 * DIM, 16), 0);
        return dense(sd, w, "out", hidden, 16, 1);
    }
}
