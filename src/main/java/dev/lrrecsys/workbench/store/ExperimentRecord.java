package dev.lrrecsys.workbench.store;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stored experiment: its parameters, the data it used, where it ran, and its state.
 *
 * @param epochs             the most epochs a run trains (each run stores the epochs it used)
 * @param validationFraction share of each consumer's training samples held out for early stopping (0 for
 *                           experiments stored before early stopping)
 * @param patience           early stopping's patience (0: none)
 */
public record ExperimentRecord(long id, OffsetDateTime createdAt, String task, List<String> models, int repeats,
                               int epochs, double validationFraction, int patience, int batchSize, double learningRate, long seed, String trainFractions,
                               String generator, String generatorModel, int trainSamples, int testSamples,
                               int excludedSamples, String backend, String device, String status) {
}
