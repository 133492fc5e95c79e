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
 */
public record TrainingSettings(PredictionTask task, int epochs, int patience, int batchSize, double learningRate,
                               long seed, int numConsumers, int numProducts) {
}
