package dev.lrrecsys.workbench.model;

/**
 * How to train one model once.
 *
 * @param task          regression (MSE on the scaled rating) or classification (BCE on high vs low)
 * @param numConsumers  size of the consumer embedding table
 * @param numProducts   size of the product embedding table
 */
public record TrainingSettings(PredictionTask task, int epochs, int batchSize, double learningRate, long seed,
                               int numConsumers, int numProducts) {
}
