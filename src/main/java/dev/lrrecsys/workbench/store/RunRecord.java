package dev.lrrecsys.workbench.store;

/**
 * One stored training run and its test metrics (null where not measured: AUC in regression, the scale-based
 * errors in classification, everything while running).
 *
 * @param epochs the most epochs while the run trains; once it is done, the epochs it used (the epoch whose
 *               weights it kept: the best validation epoch under early stopping)
 */
public record RunRecord(long id, long experimentId, String model, int repeat, long seed, double trainFraction,
                        int epochs, String status, Double rmse, Double mae, Double rmseOrig, Double maeOrig,
                        Double auc, Double seconds, String checkpoint, String message) {
}
