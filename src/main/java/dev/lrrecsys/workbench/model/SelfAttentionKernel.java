package dev.lrrecsys.workbench.model;

/**
 * One sample's self-attention softmax(Q K^T / sqrt(8)) V over {@code tokens} rows of width 8, with
 * Q, K, V = X W^Q, X W^K, X W^V packed as one 8 x 24 matrix (the layout of {@link LrRecsysGraph}'s
 * {@code *Qkv} weights). Forward keeps Q|K|V and the attention weights for the backward pass; all arrays are
 * flat, row-major and owned by the caller, so a step allocates nothing.
 */
final class SelfAttentionKernel {

    static final int D = LrRecsysGraph.DIM;
    private static final int QKV = 3 * D;
    private static final float SCALE = (float) (1.0 / Math.sqrt(D));

    private final int tokens;
    private final float[] dWeights;
    private final float[] dQkv;

    SelfAttentionKernel(int tokens) {
        this.tokens = tokens;
        this.dWeights = new float[tokens * tokens];
        this.dQkv = new float[tokens * QKV];
    }

    /**
     * @param x    tokens x 8 input at {@code xOff}
     * @param w    the 8 x 24 Q|K|V weights at {@code wOff}
     * @param qkv  out: tokens x 24 projections (kept for backward)
     * @param a    out: tokens x tokens attention weights, rows sum to 1
     * @param out  out: tokens x 8 attended values at {@code outOff}
     */
    void forward(float[] x, int xOff, float[] w, int wOff, float[] qkv, float[] a, float[] out, int outOff) {
        int t = tokens;
        for (int i = 0; i < t; i++) {
            int row = i * QKV;
            for (int c = 0; c < QKV; c++) {
                qkv[row + c] = 0f;
            }
            for (int k = 0; k < D; k++) {
                float xv = x[xOff + i * D + k];
                int wr = wOff + k * QKV;
                for (int c = 0; c < QKV; c++) {
                    qkv[row + c] += xv * w[wr + c];
                }
            }
        }
        for (int i = 0; i < t; i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < t; j++) {
                float s = 0f;
                for (int k = 0; k < D; k++) {
                    s += qkv[i * QKV + k] * qkv[j * QKV + D + k];
                }
                s *= SCALE;
                a[i * t + j] = s;
                max = Math.max(max, s);
            }
            float sum = 0f;
            for (int j = 0; j < t; j++) {
                float e = (float) Math.exp(a[i * t + j] - max);
                a[i * t + j] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int j = 0; j < t; j++) {
                a[i * t + j] *= inv;
            }
            for (int k = 0; k < D; k++) {
                float s = 0f;
                for (int j = 0; j < t; j++) {
                    s += a[i * t + j] * qkv[j * QKV + 2 * D + k];
                }
                out[outOff + i * D + k] = s;
            }
        }
    }

    /**
     * Adds this sample's gradient of the weights to {@code gw} (at {@code wOff}) and writes the input's gradient
     * into {@code dx} (at {@code dxOff}), from the output's gradient {@code dOut} (at {@code dOutOff}).
     */
    void backward(float[] x, int xOff, float[] w, int wOff, float[] qkv, float[] a, float[] dOut, int dOutOff,
                  float[] gw, float[] dx, int dxOff) {
        int t = tokens;
        float[] dA = dWeights;
        float[] dq = dQkv;
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                float s = 0f;
                for (int k = 0; k < D; k++) {
                    s += dOut[dOutOff + i * D + k] * qkv[j * QKV + 2 * D + k];
                }
                dA[i * t + j] = s;
            }
        }
        for (int j = 0; j < t; j++) {
            for (int k = 0; k < D; k++) {
                float s = 0f;
                for (int i = 0; i < t; i++) {
                    s += a[i * t + j] * dOut[dOutOff + i * D + k];
                }
                dq[j * QKV + 2 * D + k] = s;
            }
        }
        // Softmax backward per row, then the 1/sqrt(d) scale: dS = A * (dA - rowsum(dA * A)) / sqrt(d).
        for (int i = 0; i < t; i++) {
            float dot = 0f;
            for (int j = 0; j < t; j++) {
                dot += dA[i * t + j] * a[i * t + j];
            }
            for (int j = 0; j < t; j++) {
                dA[i * t + j] = a[i * t + j] * (dA[i * t + j] - dot) * SCALE;
            }
        }
        for (int i = 0; i < t; i++) {
            for (int k = 0; k < D; k++) {
                float dQ = 0f;
                float dK = 0f;
                for (int j = 0; j < t; j++) {
                    dQ += dA[i * t + j] * qkv[j * QKV + D + k];
                    dK += dA[j * t + i] * qkv[j * QKV + k];
                }
                dq[i * QKV + k] = dQ;
                dq[i * QKV + D + k] = dK;
            }
        }
        for (int i = 0; i < t; i++) {
            int row = i * QKV;
            for (int k = 0; k < D; k++) {
                float xv = x[xOff + i * D + k];
                int wr = wOff + k * QKV;
                float s = 0f;
                for (int c = 0; c < QKV; c++) {
                    gw[wr + c] += xv * dq[row + c];
                    s += dq[row + c] * w[wr + c];
                }
                dx[dxOff + i * D + k] = s;
            }
        }
    }
}
