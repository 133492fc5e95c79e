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
 * @param weightDecay        L2 penalty every run trained with (0: none, and for experiments stored before it)
 * @param dropout            dropout rate every run trained with (0: none)
 * @param variant            the explanation variant whose codes the models read ('contrastive' or 'concise';
 *                           'contrastive' for experiments stored before variants could be chosen)
 */
public record ExperimentRecord(long id, OffsetDateTime createdAt, String task, List<String> models, int repeats,
                               int epochs, double validationFraction, int patience, int batchSize, double learningRate, long seed, String trainFractions,
                               String generator, String generatorModel, int trainSamples, int testSamples,
                               int excludedSamples, String backend, String device, String status,
                               double weightDecay, double dropout, String variant) {

    /** The variant every experiment read before it could be chosen. */
    public static final String CONTRASTIVE = "contrastive";

    /** An experiment on the contrastive explanations. */
    public ExperimentRecord(long id, OffsetDateTime createdAt, String task, List<String> models, int repeats,
                            int epochs, double validationFraction, int patience, int batchSize, double learningRate,
                            long seed, String trainFractions, String generator, String generatorModel,
                            int trainSamples, int testSamples, int excludedSamples, String backend, String device,
                            String status, double weightDecay, double dropout) {
        this(id, createdAt, task, models, repeats, epochs, validationFraction, patience, batchSize, learningRate, seed,
                trainFractions, generator, generatorModel, trainSamples, testSamples, excludedSamples, backend, device,
                status, weightDecay, dropout, CONTRASTIVE);
    }

    /** An experiment trained without regularisation. */
    public ExperimentRecord(long id, OffsetDateTime createdAt, String task, List<String> models, int repeats,
                            int epochs, double validationFraction, int patience, int batchSize, double learningRate,
                            long seed, String trainFractions, String generator, String generatorModel,
                            int trainSamples, int testSamples, int excludedSamples, String backend, String device,
                            String status) {
        this(id, createdAt, task, models, repeats, epochs, validationFraction, patience, batchSize, learningRate, seed,
                trainFractions, generator, generatorModel, trainSamples, testSamples, excludedSamples, backend, device,
                status, 0, 0);
    }
}
