package dev.lrrecsys.workbench.model;

/**
 * One dense layer {@code y = x W + b} of a network's graph, optionally followed by
 * ReLU, on flat arrays: {@code W} is [in, out] row-major at the layout's offset of {@code nameW}, {@code b} at
 * {@code nameb}.
 */
final class DenseLayer {

    private final int in;
    private final int out;
    private final int weights;
    private final int bias;
    private final boolean relu;

    DenseLayer(ParameterLayout layout, String name, int in, int out, boolean relu) {
        this.in = in;
        this.out = out;
        this.weights = layout.offset(name + "W");
        this.bias = layout.offset(name + "b");
        this.relu = relu;
    }

    /** Writes the layer's output for {@code x[xAt .. xAt+in)} into {@code y[0 .. out)}. */
    void forward(float[] w, float[] x, int xAt, float[] y) {
        System.arraycopy(w, bias, y, 0, out);
        for (int i = 0; i < in; i++) {
            float a = x[xAt + i];
            int row = weights + i * out;
            for (int j = 0; j < out; j++) {
                y[j] += a * w[row + j];
            }
        }
        if (relu) {
            for (int j = 0; j < out; j++) {
                y[j] = Math.max(y[j], 0f);
            }
        }
    }

    /**
     * Adds the gradients of W and b to {@code grad} given {@code dy}, the loss gradient of the output {@code y} this
     * layer computed from {@code x}; writes the gradient of {@code x} to {@code dx[dxAt ..]} unless {@code dx} is
     * null. With ReLU, {@code dy} is masked in place.
     */
    void backward(float[] w, float[] x, int xAt, float[] y, float[] dy, float[] grad, float[] dx, int dxAt) {
        for (int j = 0; j < out; j++) {
            // A ReLU output of zero had a non-positive input and passes no gradient.
            if (relu && y[j] <= 0f) {
                dy[j] = 0f;
            }
            grad[bias + j] += dy[j];
        }
        // Gradient and back-propagation in separate loops: the first vectorises, the second is a dot product.
        for (int i = 0; i < in; i++) {
            float a = x[xAt + i];
            int row = weights + i * out;
            for (int j = 0; j < out; j++) {
                grad[row + j] += a * dy[j];
            }
            if (dx != null) {
                float back = 0f;
                for (int j = 0; j < out; j++) {
                    back += w[row + j] * dy[j];
                }
                dx[dxAt + i] = back;
            }
        }
    }
}
