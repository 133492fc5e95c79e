package dev.lrrecsys.workbench.model;

/**
 * Where a sample's explanation feature vectors come from: the explanation autoencoder's 8-dim codes,
 * raw sentence embeddings (ablation 2), or nothing (ID-only and classic baselines).
 */
public interface ExplanationFeatures {

    /** Width of one vector. */
    int dim();

    /**
     * Copies the positive and negative vectors of a sample into the arrays at the offsets.
     *
     * @return false when the sample has no usable explanation pair (the loader then reports it)
     */
    boolean fill(long sampleId, float[] positive, int positiveOffset, float[] negative, int negativeOffset);
}
