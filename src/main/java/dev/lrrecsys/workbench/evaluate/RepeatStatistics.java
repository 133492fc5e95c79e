package dev.lrrecsys.workbench.evaluate;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.inference.TTest;

import java.util.Locale;

/** Summaries across repeated runs: mean (sample sd) and the paired t-test between two models' repeats. */
public final class RepeatStatistics {

    private RepeatStatistics() {
    }

    public static double mean(double[] values) {
        return new Mean().evaluate(values);
    }

    /** Sample standard deviation (n-1); 0 for a single run. */
    public static double sd(double[] values) {
        return values.length < 2 ? 0 : new StandardDeviation(true).evaluate(values);
    }

    /** "0.2149 (0.0031)", the paper's format. */
    public static String meanSd(double[] values) {
        if (values.length == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.4f (%.4f)", mean(values), sd(values));
    }

    /**
     * Two-sided p-value of the paired t-test of a against b (repeat k of one paired with repeat k of the
     * other: same seed, same training data). NaN with fewer than 2 pairs or when all differences are equal.
     */
    public static double pairedTTestP(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples need equal lengths: " + a.length + " vs " + b.length);
        }
        if (a.length < 2) {
            return Double.NaN;
        }
        double first = a[0] - b[0];
        boolean constant = true;
        for (int i = 1; i < a.length; i++) {
            constant &= a[i] - b[i] == first;
        }
        if (constant) {
            // The t statistic is undefined without variation in the differences.
            return Double.NaN;
        }
        return new TTest().pairedTTest(a, b);
    }
}
