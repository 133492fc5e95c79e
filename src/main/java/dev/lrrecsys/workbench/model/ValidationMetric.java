package dev.lrrecsys.workbench.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The metric maths, written once: RMSE and the Mann-Whitney AUC (ties get the average rank). Models report the
 * per-epoch validation figure with it ({@link #of}: RMSE for regression, AUC for classification), and the
 * evaluation package's reported metrics ({@code evaluate.Metrics}) call the same methods, so an early-stopping
 * figure and a table figure of the same predictions are the same number. Arguments are not checked here; the
 * callers check lengths.
 */
public final class ValidationMetric {

    private ValidationMetric() {
    }

    static double of(PredictionTask task, float[] predictions, float[] targets) {
        if (predictions.length == 0) {
            return Double.NaN;
        }
        return task == PredictionTask.REGRESSION ? rmse(predictions, targets) : auc(predictions, targets);
    }

    /** Root mean squared error, differences taken in double precision. */
    public static double rmse(float[] predictions, float[] targets) {
        double sum = 0;
        for (int i = 0; i < predictions.length; i++) {
            double d = (double) predictions[i] - targets[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predictions.length);
    }

    /**
     * Area under the ROC curve as the Mann-Whitney statistic: the probability that a random positive (target 1,
     * high) scores above a random negative (0), ties counting one half. NaN when one class is missing.
     */
    public static double auc(float[] predictions, float[] targets) {
        int n = predictions.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> predictions[i]));
        // Average ranks over tied scores give each tied positive/negative pair one half.
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && predictions[order[j + 1]] == predictions[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (targets[order[k]] >= 0.5f) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
