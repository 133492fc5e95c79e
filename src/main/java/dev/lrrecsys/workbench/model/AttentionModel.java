package dev.lrrecsys.workbench.model;

/**
 * A model with the 6-token self-attention of LR-Recsys: tokens in the order
 * [pos, neg, consumer, product, sequence, context].
 */
public interface AttentionModel extends RatingModel {

    int TOKENS = 6;

    /** Row-major 6x6 attention weights per sample: n*36 values, each row summing to 1. */
    float[] attention(SampleSet samples);
}
