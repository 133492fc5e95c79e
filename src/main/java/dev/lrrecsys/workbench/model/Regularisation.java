package dev.lrrecsys.workbench.model;

import java.util.Locale;

/**
 * The regularisation settings every network shares (weight decay, dropout): their ranges and messages, which the
 * settings records of the workflows and the experiment check (the model's records trust them), and the seeded
 * dropout masks.
 * <p>
 * Masks are a hash of (seed, step, sample, unit) rather than a random stream, so that the CPU kernel's chunks (on
 * any number of threads) and the SameDiff graph drop the same units of the same sample in the same step.
 */
public final class Regularisation {

    /** Above this a rate drops most of a layer: a typo rather than a setting. */
    public static final double MAX_DROPOUT = 0.9;
    /** Above this the L2 pull dominates any gradient of a [0,1] prediction loss. */
    public static final double MAX_WEIGHT_DECAY = 1.0;

    private Regularisation() {
    }

    public static String weightDecayMessage(double decay) {
        return "weight decay must be in [0, " + MAX_WEIGHT_DECAY + "], got " + format(decay) + ".";
    }

    public static String dropoutMessage(double rate) {
        return "dropout must be in [0, " + MAX_DROPOUT + "], got " + format(rate) + ".";
    }

    public static boolean validWeightDecay(double decay) {
        return decay >= 0 && decay <= MAX_WEIGHT_DECAY;
    }

    public static boolean validDropout(double rate) {
        return rate >= 0 && rate <= MAX_DROPOUT;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%s", value);
    }

    /**
     * The factor of hidden unit {@code unit} of sample {@code sample} in training step {@code key}: 0 (dropped, with
     * probability {@code rate}) or 1 / (1 - rate) (kept, scaled so the expected activation is unchanged).
     */
    static float keep(long key, int sample, int unit, double rate) {
        long h = mix(key ^ mix(((long) sample << 20) ^ unit ^ 0x9E3779B97F4A7C15L));
        double u = (h >>> 11) * 0x1.0p-53;
        return u < rate ? 0f : (float) (1.0 / (1.0 - rate));
    }

    /** The key of training step {@code step} of a run seeded {@code seed}. */
    static long stepKey(long seed, int step) {
        return mix(seed * 0x9E3779B97F4A7C15L + step);
    }

    /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
