package dev.lrrecsys.workbench.insight;

/**
 * Mean of y within equal-width bins of x over [0, 1] (the normalised uncertainty), for the optional binned
 * curve on the uncertainty-vs-gain scatter; empty bins have NaN.
 */
public record BinnedMeans(double[] centres, double[] means, int[] counts) {

    public static BinnedMeans of(double[] x, double[] y, int bins) {
        double[] sums = new double[bins];
        int[] counts = new int[bins];
        for (int i = 0; i < x.length; i++) {
            int b = Math.max(0, Math.min(bins - 1, (int) Math.floor(x[i] * bins)));
            sums[b] += y[i];
            counts[b]++;
        }
        double[] centres = new double[bins];
        double[] means = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = (b + 0.5) / bins;
            means[b] = counts[b] == 0 ? Double.NaN : sums[b] / counts[b];
        }
        return new BinnedMeans(centres, means, counts);
    }
}
