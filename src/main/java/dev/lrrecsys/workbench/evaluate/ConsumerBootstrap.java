package dev.lrrecsys.workbench.evaluate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A 95% percentile bootstrap interval for LR-Recsys' % gain over a baseline, resampling consumers (not samples):
 * one consumer's test samples share a profile and a history, so resampling samples alone would understate the
 * spread. Both models are read at their repeat-averaged predictions, so the interval is about the data, not the
 * seeds (the paired t-test over repeats covers those).
 */
public final class ConsumerBootstrap {

    /** The interval's ends (2.5th and 97.5th percentiles), the gain on the full test set, and the resample count. */
    public record Interval(double gainPercent, double low, double high, int resamples) {
    }

    /** A metric over a subset of samples, given as indices (repeated indices count repeatedly). */
    public interface SubsetMetric {
        double of(float[] predicted, float[] target, int[] subset);

        boolean lowerIsBetter();
    }

    public static final SubsetMetric RMSE = new SubsetMetric() {
        @Override
        public double of(float[] predicted, float[] target, int[] subset) {
            double sum = 0;
            for (int i : subset) {
                double d = (double) predicted[i] - target[i];
                sum += d * d;
            }
            return Math.sqrt(sum / subset.length);
        }

        @Override
        public boolean lowerIsBetter() {
            return true;
        }
    };

    public static final SubsetMetric AUC = new SubsetMetric() {
        @Override
        public double of(float[] predicted, float[] target, int[] subset) {
            float[] p = new float[subset.length];
            float[] t = new float[subset.length];
            for (int k = 0; k < subset.length; k++) {
                p[k] = predicted[subset[k]];
                t[k] = target[subset[k]];
            }
            return Metrics.auc(p, t);
        }

        @Override
        public boolean lowerIsBetter() {
            return false;
        }
    };

    private ConsumerBootstrap() {
    }

    /**
     * @param consumers the consumer of each test sample, aligned with the prediction arrays
     */
    public static Interval gain(SubsetMetric metric, float[] target, float[] ours, float[] baseline, long[] consumers,
                                int resamples, long seed) {
        List<int[]> groups = samplesByConsumer(consumers);
        int[] all = new int[target.length];
        Arrays.setAll(all, i -> i);
        double full = gainPercent(metric, target, ours, baseline, all);
        SplittableRandom random = new SplittableRandom(seed);
        double[] gains = new double[resamples];
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            int size = 0;
            int[][] drawn = new int[groups.size()][];
            for (int c = 0; c < drawn.length; c++) {
                drawn[c] = groups.get(random.nextInt(groups.size()));
                size += drawn[c].length;
            }
            int[] subset = new int[size];
            int at = 0;
            for (int[] g : drawn) {
                System.arraycopy(g, 0, subset, at, g.length);
                at += g.length;
            }
            double g = gainPercent(metric, target, ours, baseline, subset);
            // A resample can lack a class (AUC undefined): it says nothing about the gain, so it is not counted.
            if (Double.isFinite(g)) {
                gains[kept++] = g;
            }
        }
        double[] sorted = Arrays.copyOf(gains, kept);
        Arrays.sort(sorted);
        return new Interval(full, percentile(sorted, 0.025), percentile(sorted, 0.975), kept);
    }

    private static double gainPercent(SubsetMetric metric, float[] target, float[] ours, float[] baseline, int[] subset) {
        double base = metric.of(baseline, target, subset);
        double own = metric.of(ours, target, subset);
        return 100 * (metric.lowerIsBetter() ? base - own : own - base) / base;
    }

    private static List<int[]> samplesByConsumer(long[] consumers) {
        Map<Long, int[]> groups = new LinkedHashMap<>();
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (long c : consumers) {
            counts.merge(c, 1, Integer::sum);
        }
        Map<Long, Integer> filled = new LinkedHashMap<>();
        for (int i = 0; i < consumers.length; i++) {
            int[] g = groups.computeIfAbsent(consumers[i], c -> new int[counts.get(c)]);
            int k = filled.merge(consumers[i], 1, Integer::sum) - 1;
            g[k] = i;
        }
        return List.copyOf(groups.values());
    }

    /** Linear interpolation between the closest ranks (NaN for no values). */
    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
