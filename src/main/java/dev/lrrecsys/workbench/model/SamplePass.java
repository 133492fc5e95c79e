package dev.lrrecsys.workbench.model;

/**
 * One network's forward and backward pass for a single sample, with its own scratch arrays (one pass per chunk
 * of a batch, so passes never share state): the CPU kernel of a {@link GraphRatingModel}'s graph. Weights are read
 * from a flat array in a {@link ParameterLayout} of the graph's variables, tables included.
 */
interface SamplePass {

    /** Builds a pass over {@code layout}; history slots without a product read row {@code paddingProduct}. */
    interface Factory {
        SamplePass create(ParameterLayout layout, int paddingProduct);
    }

    /** The pre-sigmoid logit of sample {@code s}; keeps what {@link #backward} needs. */
    float forward(SampleSet set, int s, float[] w);

    /**
     * Adds to {@code grad} the gradients of the sample last passed forward, given its loss gradient {@code dLogit};
     * in the consumer and product tables only on the rows of the sample's consumer, candidate and history.
     */
    void backward(SampleSet set, int s, float[] w, float dLogit, float[] grad);

    /**
     * Drops units of the first hidden layer with probability {@code rate} in the passes that follow (their masks
     * from {@link Regularisation#keep} with {@code key} and the sample); rate 0 for inference. Networks without a
     * hidden layer ignore it.
     */
    default void dropout(double rate, long key) {
    }

    /** Copies the 6 x 6 token attention of the sample last passed forward to {@code out[at..]}. */
    default void copyAttention(float[] out, int at) {
        throw new UnsupportedOperationException("this network has no token attention");
    }
}
