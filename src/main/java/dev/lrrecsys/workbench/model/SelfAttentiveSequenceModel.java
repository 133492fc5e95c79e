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
    protected SDVariable logit(SameDiff sd, Shape shape, ParameterInit w) {
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

    @Override
    SamplePass.Factory network() {
        return Pass::new;
    }

    /**
     * The graph above for one sample. Only the newest position's output reaches the logit, so the pass computes
     * that position's query alone (the other queries' gradients are zero): keys and values of all 5 slots.
     */
    private static final class Pass implements SamplePass {
        private static final float SCALE = (float) (1.0 / Math.sqrt(DIM));
        private static final float MASK = -1e9f;
        private static final int LAST = (H - 1) * DIM;
        private final int paddingProduct;
        private final int table;
        private final int positions;
        private final int wq;
        private final int wk;
        private final int wv;
        private final DenseLayer ffn1;
        private final DenseLayer ffn2;
        private final DenseLayer mlp1;
        private final DenseLayer out;
        private final int[] rows = new int[H];
        private final float[] seq = new float[H * DIM];
        private final float[] query = new float[DIM];
        private final float[] keys = new float[H * DIM];
        private final float[] values = new float[H * DIM];
        private final float[] alpha = new float[H];
        private final float[] attended = new float[DIM];
        private final float[] ffnHidden = new float[DIM];
        private final float[] ffnOut = new float[DIM];
        private final float[] x = new float[3 * DIM];
        private final float[] hidden = new float[16];
        private final float[] logit = new float[1];
        private final float[] dLogits = new float[1];
        private final float[] dHidden = new float[16];
        private final float[] dX = new float[3 * DIM];
        private final float[] dState = new float[DIM];
        private final float[] dFfnHidden = new float[DIM];
        private final float[] dAttended = new float[DIM];
        private final float[] dScores = new float[H];
        private final float[] dQuery = new float[DIM];
        private final float[] dKey = new float[DIM];
        private final float[] dValue = new float[DIM];
        private final float[] dSeq = new float[H * DIM];

        Pass(ParameterLayout layout, int paddingProduct) {
            this.paddingProduct = paddingProduct;
            table = layout.offset(PRODUCT_TABLE);
            positions = layout.offset("positionTable");
            wq = layout.offset("wq");
            wk = layout.offset("wk");
            wv = layout.offset("wv");
            ffn1 = new DenseLayer(layout, "ffn1", DIM, DIM, true);
            ffn2 = new DenseLayer(layout, "ffn2", DIM, DIM, false);
            mlp1 = new DenseLayer(layout, "mlp1", 3 * DIM, 16, true);
            out = new DenseLayer(layout, "out", 16, 1, false);
        }

        @Override
        public float forward(SampleSet set, int s, float[] w) {
            for (int k = 0; k < H; k++) {
                int p = set.history()[s * H + k];
                rows[k] = p < 0 ? paddingProduct : p;
                for (int j = 0; j < DIM; j++) {
                    seq[k * DIM + j] = w[table + rows[k] * DIM + j] + w[positions + k * DIM + j];
                }
                project(seq, k * DIM, w, wk, keys, k * DIM);
                project(seq, k * DIM, w, wv, values, k * DIM);
            }
            project(seq, LAST, w, wq, query, 0);
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < H; k++) {
                float score = 0f;
                for (int j = 0; j < DIM; j++) {
                    score += query[j] * keys[k * DIM + j];
                }
                // Empty history slots receive no attention.
                alpha[k] = score * SCALE + (rows[k] == paddingProduct ? MASK : 0f);
                max = Math.max(max, alpha[k]);
            }
            float sum = 0f;
            for (int k = 0; k < H; k++) {
                alpha[k] = (float) Math.exp(alpha[k] - max);
                sum += alpha[k];
            }
            System.arraycopy(seq, LAST, attended, 0, DIM);
            for (int k = 0; k < H; k++) {
                alpha[k] /= sum;
                for (int j = 0; j < DIM; j++) {
                    attended[j] += alpha[k] * values[k * DIM + j];
                }
            }
            ffn1.forward(w, attended, 0, ffnHidden);
            ffn2.forward(w, ffnHidden, 0, ffnOut);
            int candidate = table + set.products()[s] * DIM;
            for (int j = 0; j < DIM; j++) {
                float state = attended[j] + ffnOut[j];
                x[j] = state;
                x[DIM + j] = w[candidate + j];
                x[2 * DIM + j] = state * w[candidate + j];
            }
            mlp1.forward(w, x, 0, hidden);
            out.forward(w, hidden, 0, logit);
            return logit[0];
        }

        /** {@code to[toAt..+DIM) = from[fromAt..+DIM) W} for the DIM x DIM matrix at {@code matrix}. */
        private static void project(float[] from, int fromAt, float[] w, int matrix, float[] to, int toAt) {
            java.util.Arrays.fill(to, toAt, toAt + DIM, 0f);
            for (int i = 0; i < DIM; i++) {
                float a = from[fromAt + i];
                int row = matrix + i * DIM;
                for (int j = 0; j < DIM; j++) {
                    to[toAt + j] += a * w[row + j];
                }
            }
        }

        /** Adds {@code from[fromAt..] (x) d} to the matrix's gradient and {@code W d} to {@code back[backAt..]}. */
        private static void projectBack(float[] from, int fromAt, float[] w, int matrix, float[] d, float[] grad,
                                        float[] back, int backAt) {
            for (int i = 0; i < DIM; i++) {
                float a = from[fromAt + i];
                int row = matrix + i * DIM;
                float sum = 0f;
                for (int j = 0; j < DIM; j++) {
                    grad[row + j] += a * d[j];
                    sum += w[row + j] * d[j];
                }
                back[backAt + i] += sum;
            }
        }

        @Override
        public void backward(SampleSet set, int s, float[] w, float dLogit, float[] grad) {
            dLogits[0] = dLogit;
            out.backward(w, hidden, 0, logit, dLogits, grad, dHidden, 0);
            mlp1.backward(w, x, 0, hidden, dHidden, grad, dX, 0);
            int candidate = table + set.products()[s] * DIM;
            for (int j = 0; j < DIM; j++) {
                dState[j] = dX[j] + dX[2 * DIM + j] * w[candidate + j];
                grad[candidate + j] += dX[DIM + j] + dX[2 * DIM + j] * x[j];
            }
            // state = attended + ffn2(relu(ffn1(attended))): the residual and the feed-forward path.
            ffn2.backward(w, ffnHidden, 0, ffnOut, dState, grad, dFfnHidden, 0);
            ffn1.backward(w, attended, 0, ffnHidden, dFfnHidden, grad, dAttended, 0);
            java.util.Arrays.fill(dSeq, 0f);
            for (int j = 0; j < DIM; j++) {
                dAttended[j] += dState[j];
                // attended = seq[last] + sum_k alpha_k value_k: the residual from the newest slot.
                dSeq[LAST + j] = dAttended[j];
            }
            float weighted = 0f;
            for (int k = 0; k < H; k++) {
                float dAlpha = 0f;
                for (int j = 0; j < DIM; j++) {
                    dAlpha += dAttended[j] * values[k * DIM + j];
                    dValue[j] = alpha[k] * dAttended[j];
                }
                dScores[k] = dAlpha;
                weighted += alpha[k] * dAlpha;
                projectBack(seq, k * DIM, w, wv, dValue, grad, dSeq, k * DIM);
            }
            java.util.Arrays.fill(dQuery, 0f);
            for (int k = 0; k < H; k++) {
                float dScore = alpha[k] * (dScores[k] - weighted) * SCALE;
                for (int j = 0; j < DIM; j++) {
                    dQuery[j] += dScore * keys[k * DIM + j];
                    dKey[j] = dScore * query[j];
                }
                projectBack(seq, k * DIM, w, wk, dKey, grad, dSeq, k * DIM);
            }
            projectBack(seq, LAST, w, wq, dQuery, grad, dSeq, LAST);
            for (int k = 0; k < H; k++) {
                int row = table + rows[k] * DIM;
                for (int j = 0; j < DIM; j++) {
                    grad[row + j] += dSeq[k * DIM + j];
                    grad[positions + k * DIM + j] += dSeq[k * DIM + j];
                }
            }
        }
    }
}
