package dev.lrrecsys.workbench.model;

/**
 * One sample's GRU (hidden size 8, PyTorch's gate layout r, z, n with the n-gate's recurrent bias inside the
 * reset product, as {@link LrRecsysGraph} defines it) over the 5 history steps, forward and backward, on
 * flat arrays. Weights are read from one flat parameter array at the offsets of the graph's GRU variables;
 * the hidden state starts at zero.
 */
final class GruKernel {

    private static final int D = LrRecsysGraph.DIM;
    private static final int STEPS = LrRecsysGraph.HISTORY;
    private static final int G = 2 * D;

    private final int inRz;
    private final int inRzB;
    private final int inN;
    private final int inNB;
    private final int hidRz;
    private final int hidN;
    private final int hidNB;

    /** Hidden states h_0 (zero) .. h_5, and the per-step gates and recurrent n-term kept for backward. */
    final float[] hidden = new float[(STEPS + 1) * D];
    private final float[] reset = new float[STEPS * D];
    private final float[] update = new float[STEPS * D];
    private final float[] candidate = new float[STEPS * D];
    private final float[] recurrentN = new float[STEPS * D];
    private final float[] dh = new float[D];
    private final float[] dhPrev = new float[D];
    private final float[] dGates = new float[G];
    private final float[] dCandidateIn = new float[D];
    private final float[] dRecurrentN = new float[D];

    GruKernel(ParameterLayout layout) {
        inRz = layout.offset("gruInRz");
        inRzB = layout.offset("gruInRzB");
        inN = layout.offset("gruInN");
        inNB = layout.offset("gruInNB");
        hidRz = layout.offset("gruHidRz");
        hidN = layout.offset("gruHidN");
        hidNB = layout.offset("gruHidNB");
    }

    /** Runs the 5 steps over {@code x} (5 x 8); the last hidden state is {@code hidden[40..47]}. */
    void forward(float[] x, float[] w) {
        for (int j = 0; j < D; j++) {
            hidden[j] = 0f;
        }
        for (int t = 0; t < STEPS; t++) {
            int hp = t * D;
            int xt = t * D;
            for (int j = 0; j < G; j++) {
                float s = w[inRzB + j];
                for (int k = 0; k < D; k++) {
                    s += x[xt + k] * w[inRz + k * G + j] + hidden[hp + k] * w[hidRz + k * G + j];
                }
                float gate = sigmoid(s);
                if (j < D) {
                    reset[xt + j] = gate;
                } else {
                    update[xt + j - D] = gate;
                }
            }
            for (int j = 0; j < D; j++) {
                float hn = w[hidNB + j];
                float xn = w[inNB + j];
                for (int k = 0; k < D; k++) {
                    hn += hidden[hp + k] * w[hidN + k * D + j];
                    xn += x[xt + k] * w[inN + k * D + j];
                }
                recurrentN[xt + j] = hn;
                float n = (float) Math.tanh(xn + reset[xt + j] * hn);
                candidate[xt + j] = n;
                hidden[hp + D + j] = n + update[xt + j] * (hidden[hp + j] - n);
            }
        }
    }

    /**
     * Back-propagates the last hidden state's gradient {@code dLast} (8 values at {@code dOff}) through the 5 steps:
     * adds the weights' gradients into {@code g} and writes the inputs' gradient into {@code dx} (5 x 8).
     */
    void backward(float[] x, float[] w, float[] dLast, int dOff, float[] g, float[] dx) {
        System.arraycopy(dLast, dOff, dh, 0, D);
        for (int t = STEPS - 1; t >= 0; t--) {
            int hp = t * D;
            int xt = t * D;
            for (int j = 0; j < D; j++) {
                float r = reset[xt + j];
                float z = update[xt + j];
                float n = candidate[xt + j];
                float dn = dh[j] * (1f - z);
                float dz = dh[j] * (hidden[hp + j] - n);
                dhPrev[j] = dh[j] * z;
                float dPre = dn * (1f - n * n);
                dCandidateIn[j] = dPre;
                dRecurrentN[j] = dPre * r;
                dGates[j] = dPre * recurrentN[xt + j] * r * (1f - r);
                dGates[D + j] = dz * z * (1f - z);
            }
            for (int j = 0; j < D; j++) {
                g[inNB + j] += dCandidateIn[j];
                g[hidNB + j] += dRecurrentN[j];
            }
            for (int j = 0; j < G; j++) {
                g[inRzB + j] += dGates[j];
            }
            for (int k = 0; k < D; k++) {
                float hk = hidden[hp + k];
                float xk = x[xt + k];
                float back = 0f;
                float in = 0f;
                for (int j = 0; j < D; j++) {
                    g[hidN + k * D + j] += hk * dRecurrentN[j];
                    g[inN + k * D + j] += xk * dCandidateIn[j];
                    back += dRecurrentN[j] * w[hidN + k * D + j];
                    in += dCandidateIn[j] * w[inN + k * D + j];
                }
                for (int j = 0; j < G; j++) {
                    g[hidRz + k * G + j] += hk * dGates[j];
                    g[inRz + k * G + j] += xk * dGates[j];
                    back += dGates[j] * w[hidRz + k * G + j];
                    in += dGates[j] * w[inRz + k * G + j];
                }
                dhPrev[k] += back;
                dx[xt + k] = in;
            }
            System.arraycopy(dhPrev, 0, dh, 0, D);
        }
    }

    static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
}
