package dev.lrrecsys.workbench.model;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The output of every rating graph, LR-Recsys and baselines alike: a sigmoid prediction in [0,1] and the task's
 * loss (MSE on the scaled rating, or BCE on high vs low computed from the logit), so all models train on the same
 * objective.
 */
final class PredictionHead {

    static final String PREDICTION = "prediction";
    static final String LOSS = "loss";

    private PredictionHead() {
    }

    static void attach(SameDiff sd, SDVariable logit, SDVariable target, PredictionTask task) {
        SDVariable prediction = sd.nn().sigmoid(PREDICTION, logit);
        if (task == PredictionTask.REGRESSION) {
            sd.math().square(prediction.sub(target)).mean(LOSS);
        } else {
            sd.loss().sigmoidCrossEntropy(LOSS, target, logit, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        }
        sd.setLossVariables(LOSS);
    }
}
