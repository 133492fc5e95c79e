package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.store.DatasetInfo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The paper's accuracy metrics: RMSE and MAE (on [0,1] and on the dataset's scale) and AUC. */
public final class Metrics {

    private Metrics() {
    }

    public static double rmse(float[] predicted, float[] target) {
        check(predicted, target);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = (double) predicted[i] - target[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predicted.length);
    }

    public static double mae(float[] predicted, float[] target) {
        check(predicted, target);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += Math.abs((double) predicted[i] - target[i]);
        }
        return sum / predicted.length;
    }

    /** RMSE after mapping predictions in [0,1] back to the rating scale, against the original ratings. */
    public static double rmseOriginal(float[] predicted, double[] rating, DatasetInfo scale) {
        return rmse(toScale(predicted, scale), toFloat(rating));
    }

    public static double maeOriginal(float[] predicted, double[] rating, DatasetInfo scale) {
        return mae(toScale(predicted, scale), toFloat(rating));
    }

    private static float[] toScale(float[] predicted, DatasetInfo scale) {
        float[] out = new float[predicted.length];
        double width = scale.ratingMax() - scale.ratingMin();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (scale.ratingMin() + predicted[i] * width);
        }
        return out;
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /**
     * Area under the ROC curve as the Mann-Whitney statistic: the probability that a random positive
     * scores above a random negative, ties counting one half. NaN when one class is absent.
     *
     * @param labels 1 for positive (high), 0 for negative
     */
    public static double auc(float[] scores, float[] labels) {
        check(scores, labels);
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        // Average ranks over tied scores give each tied positive/negative pair one half.
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] > 0.5f) {
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

    private static void check(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("no samples to score");
        }
    }
}
