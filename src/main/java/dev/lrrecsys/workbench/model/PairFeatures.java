package dev.lrrecsys.workbench.model;

import java.util.Map;

/** Explanation features read from a prepared sample id -> {positive, negative} table (e.g. sentence embeddings). */
public final class PairFeatures implements ExplanationFeatures {

    private final Map<Long, float[][]> pairs;
    private final int dim;

    public PairFeatures(Map<Long, float[][]> pairs, int dim) {
        this.pairs = pairs;
        this.dim = dim;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public boolean fill(long sampleId, float[] positive, int positiveOffset, float[] negative, int negativeOffset) {
        float[][] pair = pairs.get(sampleId);
        if (pair == null || pair[0].length != dim || pair[1].length != dim) {
            return false;
        }
        System.arraycopy(pair[0], 0, positive, positiveOffset, dim);
        System.arraycopy(pair[1], 0, negative, negativeOffset, dim);
        return true;
    }
}
