package dev.lrrecsys.workbench.store;

import java.time.OffsetDateTime;
import java.util.List;

/** One stored experiment: its parameters, the data it used, where it ran, and its state. */
public record ExperimentRecord(long id, OffsetDateTime createdAt, String task, List<String> models, int repeats,
                               int epochs, int batchSize, double learningRate, long seed, String trainFractions,
                               String generator, String generatorModel, int trainSamples, int testSamples,
                               int excludedSamples, String backend, String device, String status) {
}
