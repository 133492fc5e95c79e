package dev.lrrecsys.workbench.model;

/** The paper's two tasks. */
public enum PredictionTask {
    REGRESSION, CLASSIFICATION
}
