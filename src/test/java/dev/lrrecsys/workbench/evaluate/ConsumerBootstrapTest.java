package dev.lrrecsys.workbench.evaluate;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConsumerBootstrapTest {

    private static final int SAMPLES = 400;
    private static final long[] CONSUMERS = new long[SAMPLES];
    private static final float[] TARGET = new float[SAMPLES];

    static {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < SAMPLES; i++) {
            CONSUMERS[i] = i / 4;
            TARGET[i] = (float) r.nextDouble();
        }
    }

    private static float[] noisy(double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            p[i] = (float) (TARGET[i] + sd * (r.nextDouble() * 2 - 1));
        }
        return p;
    }

    @Test
    void aModelWithHalfTheErrorOnEveryConsumerGainsAboutFiftyPercentWithAnIntervalAroundIt() {
        float[] baseline = noisy(0.2, 1);
        float[] ours = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            ours[i] = TARGET[i] + (baseline[i] - TARGET[i]) / 2;
        }

        ConsumerBootstrap.Interval ci = ConsumerBootstrap.gain(ConsumerBootstrap.RMSE, TARGET, ours, baseline, CONSUMERS, 500, 7);

        // Halving every error halves the RMSE on any subset: the interval collapses onto 50%.
        assertThat(ci.gainPercent()).isCloseTo(50, within(1e-3));
        assertThat(ci.low()).isCloseTo(50, within(1e-3));
        assertThat(ci.high()).isCloseTo(50, within(1e-3));
        assertThat(ci.resamples()).isEqualTo(500);
    }

    @Test
    void twoEquallyGoodModelsGetAnIntervalAcrossZeroAndTheSameSeedGivesTheSameInterval() {
        float[] a = noisy(0.2, 1);
        float[] b = noisy(0.2, 2);

        ConsumerBootstrap.Interval ci = ConsumerBootstrap.gain(ConsumerBootstrap.RMSE, TARGET, a, b, CONSUMERS, 500, 7);

        assertThat(ci.low()).isNegative();
        assertThat(ci.high()).isPositive();
        assertThat(ci.low()).isLessThan(ci.gainPercent());
        assertThat(ci.high()).isGreaterThan(ci.gainPercent());
        assertThat(ConsumerBootstrap.gain(ConsumerBootstrap.RMSE, TARGET, a, b, CONSUMERS, 500, 7)).isEqualTo(ci);
    }

    @Test
    void aucGainsAreHigherIsBetter() {
        float[] labels = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = TARGET[i] > 0.5f ? 1 : 0;
        }
        float[] perfect = TARGET.clone();
        float[] noisy = noisy(0.6, 4);

        ConsumerBootstrap.Interval ci = ConsumerBootstrap.gain(ConsumerBootstrap.AUC, labels, perfect, noisy, CONSUMERS, 200, 7);

        assertThat(ci.low()).isPositive();
        assertThat(ci.gainPercent()).isBetween(ci.low(), ci.high());
    }
}
