package dev.lrrecsys.workbench.model;

import java.util.Arrays;

/**
 * An explanation slot of a network's CPU kernel: the sample's 8-dim features as they are, or wider features
 * (sentence embeddings) projected to 8 by a learned [width x 8] matrix named {@code <slot>Projection}.
 */
final class ExplanationSlot {

    private static final int D = GraphRatingModel.DIM;

    private ExplanationSlot() {
    }

    /** Offset of the slot's projection in {@code layout}, or -1 where the features are used as they are. */
    static int projection(ParameterLayout layout, String slot) {
        return layout.has(slot + "Projection") ? layout.offset(slot + "Projection") : -1;
    }

    /** Writes sample {@code s}'s 8-dim token of {@code features} ({@code dim} wide) into {@code out[at..]}. */
    static void forward(float[] features, int dim, int s, float[] w, int projection, float[] out, int at) {
        if (projection < 0) {
            System.arraycopy(features, s * dim, out, at, D);
            return;
        }
        Arrays.fill(out, at, at + D, 0f);
        for (int k = 0; k < dim; k++) {
            float x = features[s * dim + k];
            int row = projection + k * D;
            for (int j = 0; j < D; j++) {
                out[at + j] += x * w[row + j];
            }
        }
    }

    /** Adds to {@code grad} the projection's gradient given the token's gradient {@code dToken[at..]}. */
    static void backward(float[] features, int dim, int s, int projection, float[] dToken, int at, float[] grad) {
        if (projection < 0) {
            return;
        }
        for (int k = 0; k < dim; k++) {
            float x = features[s * dim + k];
            int row = projection + k * D;
            for (int j = 0; j < D; j++) {
                grad[row + j] += x * dToken[at + j];
            }
        }
    }
}
