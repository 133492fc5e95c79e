package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.ValidationMetric;
import dev.lrrecsys.workbench.store.DatasetInfo;


/**
 * The paper's accuracy metrics: RMSE and MAE (on [0,1] and on the dataset's scale) and AUC. RMSE and AUC are the
 * model package's maths ({@link ValidationMetric}), the same that early stopping reads, with the inputs checked.
 */
public final class Metrics {

    private Metrics() {
    }

    public static double rmse(float[] predicted, float[] target) {
        check(predicted, target);
        return ValidationMetric.rmse(predicted, target);
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
        return ValidationMetric.auc(scores, labels);
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
