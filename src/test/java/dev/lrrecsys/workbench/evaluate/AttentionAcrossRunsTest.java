package dev.lrrecsys.workbench.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AttentionAcrossRunsTest {

    private static AttentionSummary run(double highPos, double highNeg, double lowPos, double lowNeg) {
        return new AttentionSummary(10, highPos, highNeg, 5, lowPos, lowNeg,
                new double[]{highPos, highNeg, 0.2, 0.2, 0.2, 0.4 - highPos - highNeg}, 0.5, 1.2);
    }

    @Test
    void meansSdsAndTheGapsPairedTTestAreComputedOverRuns() {
        // alpha_pos gaps 0.02, 0.04, 0.03: mean 0.03, sd 0.01, t = 0.03 / (0.01 / sqrt 3) = 5.196 on 2 df -> p = 0.0351.
        AttentionAcrossRuns a = AttentionAcrossRuns.of(List.of(
                run(0.20, 0.10, 0.18, 0.12),
                run(0.22, 0.10, 0.18, 0.10),
                run(0.21, 0.10, 0.18, 0.14)));

        assertThat(a.highAlphaPos().mean()).isCloseTo(0.21, within(1e-12));
        assertThat(a.highAlphaPos().sd()).isCloseTo(0.01, within(1e-12));
        assertThat(a.alphaPosGap().mean()).isCloseTo(0.03, within(1e-12));
        assertThat(a.alphaPosGap().sd()).isCloseTo(0.01, within(1e-12));
        assertThat(a.alphaPosGap().pValue()).isCloseTo(0.0351, within(5e-4));
        // alpha_neg gaps (low minus high) 0.02, 0.00, 0.04: mean 0.02, sd 0.02, t = 1.732 -> p = 0.2254.
        assertThat(a.alphaNegGap().mean()).isCloseTo(0.02, within(1e-12));
        assertThat(a.alphaNegGap().pValue()).isCloseTo(0.2254, within(5e-4));
        assertThat(a.explanationShare().mean()).isCloseTo(0.31, within(1e-12));
        assertThat(a.shares()).hasSize(6);
        assertThat(a.shares().get(2).sd()).isZero();
    }

    @Test
    void oneRunHasNoSpreadAndNoPValue() {
        AttentionAcrossRuns a = AttentionAcrossRuns.of(List.of(run(0.2, 0.1, 0.1, 0.2)));

        assertThat(a.alphaPosGap().mean()).isCloseTo(0.1, within(1e-12));
        assertThat(a.alphaPosGap().sd()).isZero();
        assertThat(a.alphaPosGap().pValue()).isNaN();
    }
}
