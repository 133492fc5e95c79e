package dev.lrrecsys.workbench.model;

/** Receives one line per finished epoch (for progress, live training curves and checkpoints). */
@FunctionalInterface
public interface EpochListener {

    /** @param validationMetric RMSE (regression) or AUC (classification) on the validation set; NaN if none */
    void epochFinished(int epoch, double trainLoss, double validationMetric);
}
