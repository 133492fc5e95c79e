package dev.lrrecsys.workbench.model;

/**
 * How to train one model once.
 *
 * @param task          regression (MSE on the scaled rating) or classification (BCE on high vs low)
 * @param epochs        the most epochs to train
 * @param patience      early stopping: stop after this many epochs without a better validation metric and keep
 *                      the best epoch's weights; 0 trains all epochs and keeps the last
 * @param numConsumers  size of the consumer embedding table
 * @param numProducts   size of the product embedding table
 * @param weightDecay   L2 penalty: {@code weightDecay * w} is added to every parameter's gradient before the
 *                      optimiser step (tables, weights and biases alike); 0 turns it off
 * @param dropout       inverted dropout on the first hidden layer of the networks that have one (LR-Recsys and its
 *                      variants, NCF); 0 turns it off; ignored by networks without a hidden layer (MF, SASRec)
 */
public record TrainingSettings(PredictionTask task, int epochs, int patience, int batchSize, double learningRate,
                               long seed, int numConsumers, int numProducts, double weightDecay, double dropout) {

    /** Without regularisation (weight decay and dropout 0). */
    public TrainingSettings(PredictionTask task, int epochs, int patience, int batchSize, double learningRate,
                            long seed, int numConsumers, int numProducts) {
        this(task, epochs, patience, batchSize, learningRate, seed, numConsumers, numProducts, 0, 0);
    }

    /** The same with this weight decay and dropout. */
    public TrainingSettings regularised(double decay, double rate) {
        return new TrainingSettings(task, epochs, patience, batchSize, learningRate, seed, numConsumers, numProducts,
                decay, rate);
    }
}
