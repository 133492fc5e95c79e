package dev.lrrecsys.workbench.model;

/**
 * {@link PredictionHead}'s loss for the CPU kernels, one sample at a time: MSE on the sigmoid (regression) or
 * BCE on the logit (classification), each the sample's share of a batch mean. One place, so LR-Recsys and the
 * baselines train on exactly the same objective in both engines.
 */
final class LogitLoss {

    private final boolean regression;
    /** The gradient of the last {@link #add} with respect to the logit. */
    float dLogit;

    LogitLoss(PredictionTask task) {
        this.regression = task == PredictionTask.REGRESSION;
    }

    /** The sample's loss (not yet divided by the batch size); leaves its logit gradient in {@link #dLogit}. */
    double add(float logit, float target, int batchSize) {
        float p = GruKernel.sigmoid(logit);
        if (regression) {
            float e = p - target;
            dLogit = 2f * e * p * (1f - p) / batchSize;
            return (double) e * e;
        }
        dLogit = (p - target) / batchSize;
        return Math.max(logit, 0f) - logit * target + Math.log1p(Math.exp(-Math.abs(logit)));
    }
}
