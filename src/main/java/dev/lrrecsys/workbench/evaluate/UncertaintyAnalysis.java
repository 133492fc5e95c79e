package dev.lrrecsys.workbench.evaluate;

import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.Arrays;
import java.util.List;

/**
 * PRODUCT.md step 6: per test sample, the uncertainty (variance of the models' repeat-averaged predictions,
 * min-max normalised to [0,1]) and LR-Recsys' gain (squared error of the best baseline minus its own), and
 * the least-squares line of gain on uncertainty. Two definitions of uncertainty sit side by side
 * ({@link Definition}): the paper's, over all models with LR-Recsys among them, and one over the baselines only.
 */
public final class UncertaintyAnalysis {

    /** Which models' disagreement counts as a sample's uncertainty. */
    public enum Definition {
        /**
         * The paper's: LR-Recsys and every baseline. Its variance contains LR-Recsys' own deviation, so the slope
         * also follows which model wins on average (it is negative for useless, shuffled explanations too).
         */
        ALL_MODELS("all models (the paper's)"),
        /**
         * The baselines only: uncertainty that LR-Recsys' own predictions cannot move, so a positive slope says
         * LR-Recsys gains most where the ID-based models disagree. Needs at least two baselines.
         */
        BASELINES_ONLY("baselines only");

        private final String label;

        Definition(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Per-sample values, aligned with the test samples; {@code uncertaintyBaselines} is all NaN with fewer than two
     * baselines.
     */
    public record PerSample(double[] uncertainty, double[] uncertaintyBaselines, double[] gain) {
    }

    /** The fitted line gain = intercept + slope * uncertainty, the slope's two-sided p-value and n. */
    public record Fit(double slope, double intercept, double pValue, long n) {
    }

    private UncertaintyAnalysis() {
    }

    /**
     * @param predictions every model's repeat-averaged predictions (LR-Recsys and the baselines among them)
     * @param baselines   the baselines' repeat-averaged predictions only
     */
    public static PerSample perSample(float[] target, List<float[]> predictions, List<float[]> baselines,
                                      float[] bestBaseline, float[] lrRecsys) {
        int n = target.length;
        double[] gain = new double[n];
        for (int i = 0; i < n; i++) {
            double base = bestBaseline[i] - target[i];
            double ours = lrRecsys[i] - target[i];
            gain[i] = base * base - ours * ours;
        }
        double[] overBaselines;
        if (baselines.size() < 2) {
            overBaselines = new double[n];
            Arrays.fill(overBaselines, Double.NaN);
        } else {
            overBaselines = normalisedVariance(baselines, n);
        }
        return new PerSample(normalisedVariance(predictions, n), overBaselines, gain);
    }

    /** Per sample, the variance of the models' predictions, min-max normalised to [0,1] over the samples. */
    private static double[] normalisedVariance(List<float[]> predictions, int n) {
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
        double[] normalised = new double[n];
        for (int i = 0; i < n; i++) {
            normalised[i] = max > min ? (variance[i] - min) / (max - min) : 0;
        }
        return normalised;
    }

    /** The line over the samples whose uncertainty is known (NaN values, e.g. from older experiments, are left out). */
    public static Fit fit(double[] uncertainty, double[] gain) {
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < uncertainty.length; i++) {
            if (!Double.isNaN(uncertainty[i])) {
                r.addData(uncertainty[i], gain[i]);
            }
        }
        double p = r.getN() > 2 ? r.getSignificance() : Double.NaN;
        return new Fit(r.getSlope(), r.getIntercept(), p, r.getN());
    }
}
