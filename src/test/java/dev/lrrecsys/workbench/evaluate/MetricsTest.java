package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.store.DatasetInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    private static final DatasetInfo ZERO_TO_TWO = new DatasetInfo("t", "csv", "restaurant", "x", 0, 2, 1.2, false, null);

    @Test
    void rmseAndMaeMatchHandComputedValues() {
        float[] predicted = {0.5f, 1.0f, 0.0f, 0.25f};
        float[] target = {1.0f, 1.0f, 0.5f, 0.0f};
        // errors 0.5, 0, 0.5, 0.25 -> squares 0.25, 0, 0.25, 0.0625 -> mean 0.140625
        assertThat(Metrics.rmse(predicted, target)).isCloseTo(Math.sqrt(0.140625), within(1e-9));
        assertThat(Metrics.mae(predicted, target)).isCloseTo(1.25 / 4, within(1e-9));
    }

    @Test
    void originalScaleMetricsStretchByTheRatingRange() {
        float[] predicted = {0.5f, 1.0f};
        double[] rating = {2, 0};
        // on 0..2: predictions 1 and 2 against 2 and 0 -> errors 1 and 2
        assertThat(Metrics.rmseOriginal(predicted, rating, ZERO_TO_TWO)).isCloseTo(Math.sqrt(2.5), within(1e-6));
        assertThat(Metrics.maeOriginal(predicted, rating, ZERO_TO_TWO)).isCloseTo(1.5, within(1e-6));
    }

    @Test
    void aucIsThePairwiseOrderingProbability() {
        float[] scores = {0.9f, 0.8f, 0.3f, 0.1f};
        float[] labels = {1, 0, 1, 0};
        // pairs (pos, neg): (0.9,0.8) win, (0.9,0.1) win, (0.3,0.8) loss, (0.3,0.1) win -> 3/4
        assertThat(Metrics.auc(scores, labels)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void tiedScoresCountOneHalf() {
        float[] scores = {0.5f, 0.5f, 0.5f, 0.2f, 0.7f};
        float[] labels = {1, 0, 0, 0, 1};
        // positives 0.5 and 0.7; negatives 0.5, 0.5, 0.2
        // 0.5 vs (0.5, 0.5, 0.2): 0.5 + 0.5 + 1 = 2; 0.7 vs all: 3 -> 5 / 6
        assertThat(Metrics.auc(scores, labels)).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void allScoresTiedGiveOneHalf() {
        assertThat(Metrics.auc(new float[] {0.3f, 0.3f, 0.3f}, new float[] {1, 0, 1})).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        assertThat(Metrics.auc(new float[] {0.1f, 0.2f}, new float[] {1, 1})).isNaN();
    }

    @Test
    void meanAndSampleSdInThePapersFormat() {
        double[] v = {0.2, 0.3, 0.4};
        assertThat(RepeatStatistics.mean(v)).isCloseTo(0.3, within(1e-12));
        assertThat(RepeatStatistics.sd(v)).isCloseTo(0.1, within(1e-12));
        assertThat(RepeatStatistics.meanSd(v)).isEqualTo("0.3000 (0.1000)");
    }

    @Test
    void pairedTTestMatchesHandComputedStatistic() {
        double[] a = {0.20, 0.22, 0.21, 0.25};
        double[] b = {0.24, 0.25, 0.23, 0.26};
        // differences -0.04 -0.03 -0.02 -0.01: mean -0.025, sd 0.0129099, t = -0.025 / (0.0129099 / 2) = -3.8730
        // two-sided p for t(3) = -3.873 is 0.030466
        assertThat(RepeatStatistics.pairedTTestP(a, b)).isCloseTo(0.030466, within(1e-5));
        assertThat(RepeatStatistics.pairedTTestP(new double[] {1}, new double[] {2})).isNaN();
    }
}
