package dev.lrrecsys.workbench.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The per-epoch validation figure models report to their {@link EpochListener}: RMSE for regression,
 * AUC (ties get the average rank) for classification. The evaluation package owns the reported metrics;
 * this is only the training-time monitor, so models stay independent of it.
 */
final class ValidationMetric {

    private ValidationMetric() {
    }

    static double of(PredictionTask task, float[] predictions, float[] targets) {
        if (predictions.length == 0) {
            return Double.NaN;
        }
        return task == PredictionTask.REGRESSION ? rmse(predictions, targets) : auc(predictions, targets);
    }

    static double rmse(float[] predictions, float[] targets) {
        double sum = 0;
        for (int i = 0; i < predictions.length; i++) {
            double d = predictions[i] - targets[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predictions.length);
    }

    /** Mann-Whitney AUC; NaN when one class is missing. */
    static double auc(float[] predictions, float[] targets) {
        Integer[] order = IntStream.range(0, predictions.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> predictions[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && predictions[order[j + 1]] == predictions[order[i]]) {
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
        long negatives = predictions.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
