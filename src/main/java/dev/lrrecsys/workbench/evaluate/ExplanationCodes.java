package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.ExplanationFeatures;
import dev.lrrecsys.workbench.task.TaskContext;

/**
 * Supplies the explanation autoencoder's codes for a generator+model and explanation variant ('contrastive' or
 * 'concise'), training the autoencoder first when the project has none yet.
 */
@FunctionalInterface
public interface ExplanationCodes {

    ExplanationFeatures ensure(String generator, String model, String variant, TaskContext context) throws Exception;

    /** The autoencoder epochs {@link #ensure} will train first (0 when the codes exist): weighs the job's phases. */
    default int epochsToTrain(String generator, String model, String variant) {
        return 0;
    }
}
