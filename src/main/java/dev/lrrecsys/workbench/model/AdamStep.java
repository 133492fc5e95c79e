package dev.lrrecsys.workbench.model;

/**
 * Adam on a flat float array, with ND4J's {@code AdamUpdater} formula and defaults (beta1 0.9, beta2 0.999,
 * epsilon 1e-8, bias correction folded into the step size), so the CPU kernel trains as the SameDiff graph does.
 */
final class AdamStep {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final float[] m;
    private final float[] v;

    AdamStep(int size) {
        m = new float[size];
        v = new float[size];
    }

    /** The step size of iteration {@code iteration} (0-based) with learning rate {@code lr}. */
    static float stepSize(double lr, int iteration) {
        double b1t = Math.pow(BETA1, iteration + 1);
        double b2t = Math.pow(BETA2, iteration + 1);
        return (float) (lr * Math.sqrt(1.0 - b2t) / (1.0 - b1t));
    }

    /** Updates {@code params[from..to)} in place from {@code grad[from..to)}. */
    void apply(float[] params, float[] grad, float stepSize, int from, int to) {
        apply(params, grad, stepSize, 0f, from, to);
    }

    /**
     * The same with an L2 penalty: the gradient of each parameter is {@code grad[i] + decay * params[i]} (ND4J's
     * Adam on a gradient with the penalty added, as the SameDiff engine does); {@code grad} is left as it is.
     */
    void apply(float[] params, float[] grad, float stepSize, float decay, int from, int to) {
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float eps = (float) EPSILON;
        for (int i = from; i < to; i++) {
            float g = decay == 0f ? grad[i] : grad[i] + decay * params[i];
            float mi = b1 * m[i] + (1f - b1) * g;
            float vi = b2 * v[i] + (1f - b2) * g * g;
            m[i] = mi;
            v[i] = vi;
            params[i] -= stepSize * mi / ((float) Math.sqrt(vi) + eps);
        }
    }
}
