package dev.lrrecsys.workbench.ingest.synth;

import java.util.SplittableRandom;

/**
 * The generator's source of randomness: SplittableRandom (its algorithm is fixed by the JDK's
 * specification) plus the few draws the world needs, so that a seed gives the same world everywhere.
 */
final class WorldRandom {

    private final SplittableRandom random;

    WorldRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An independent stream for one entity (a consumer), so entities can be generated one at a time. */
    static WorldRandom forEntity(long seed, String purpose, long entity) {
        long h = seed * 0x9E3779B97F4A7C15L + purpose.hashCode();
        return new WorldRandom(h * 0xBF58476D1CE4E5B9L + entity);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Standard normal by Box-Muller, written out so it does not depend on a JDK default method's algorithm. */
    double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** Exponentially distributed with the given mean. */
    double exponential(double mean) {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    /** An index drawn with probability proportional to its (non-negative) weight. */
    int weighted(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < weights.length - 1; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
