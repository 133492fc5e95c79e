package dev.lrrecsys.workbench.evaluate;

import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.List;

/**
 * PRODUCT.md step 6: per test sample, the uncertainty (variance of the models' repeat-averaged predictions,
 * min-max normalised to [0,1]) and LR-Recsys' gain (squared error of the best baseline minus its own), and
 * the least-squares line of gain on uncertainty.
 */
public final class UncertaintyAnalysis {

    /** Per-sample values, aligned with the test samples. */
    public record PerSample(double[] uncertainty, double[] gain) {
    }

    /** The fitted line gain = intercept + slope * uncertainty, the slope's two-sided p-value and n. */
    public record Fit(double slope, double intercept, double pValue, long n) {
    }

    private UncertaintyAnalysis() {
    }

    /**
     * @param predictions every model's repeat-averaged predictions (LR-Recsys and the baselines among them)
     */
    public static PerSample perSample(float[] target, List<float[]> predictions, float[] bestBaseline, float[] lrRecsys) {
        int n = target.length;
        double[] variance = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (float[] p : predictions) {
                mean += p[i];
            }
            mean /= predictions.size();
            double v = 0;
            for (float[] p : predictions) {
                v += (p[i] - mean) * (p[i] - mean);
            }
            variance[i] = v / predictions.size();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : variance) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] uncertainty = new double[n];
        double[] gain = new double[n];
        for (int i = 0; i < n; i++) {
            uncertainty[i] = max > min ? (variance[i] - min) / (max - min) : 0;
            double base = bestBaseline[i] - target[i];
            double ours = lrRecsys[i] - target[i];
            gain[i] = base * base - ours * ours;
        }
        return new PerSample(uncertainty, gain);
    }

    public static Fit fit(double[] uncertainty, double[] gain) {
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < uncertainty.length; i++) {
            r.addData(uncertainty[i], gain[i]);
        }
        double p = r.getN() > 2 ? r.getSignificance() : Double.NaN;
        return new Fit(r.getSlope(), r.getIntercept(), p, r.getN());
    }
}
