package dev.lrrecsys.workbench.model;

/**
 * The paper's two tasks, and ranking: the networks are trained on the ratings as for regression, and the
 * experiment ranks each high-rated test sample among products the consumer never interacted with.
 */
public enum PredictionTask {
    REGRESSION, CLASSIFICATION, RANKING;

    /**
     * What the networks learn for this task: ranking trains on the ratings (regression), so the models know
     * only the stored samples, as in the paper; only the evaluation ranks.
     */
    public PredictionTask trainingTask() {
        return this == RANKING ? REGRESSION : this;
    }
}
