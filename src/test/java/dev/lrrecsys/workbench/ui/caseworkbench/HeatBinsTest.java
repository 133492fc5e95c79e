package dev.lrrecsys.workbench.ui.caseworkbench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The heat map's colour bins: a share of the largest weight shown, the largest in the top bin. */
class HeatBinsTest {

    @Test
    void binsSpanZeroToTheLargestWeight() {
        assertThat(CaseWorkbenchView.bin(0, 0.5)).isZero();
        assertThat(CaseWorkbenchView.bin(0.5, 0.5)).isEqualTo(CaseWorkbenchView.HEAT_BINS - 1);
        assertThat(CaseWorkbenchView.bin(0.26, 0.5)).isEqualTo(5);
        assertThat(CaseWorkbenchView.bin(0.3, 0)).isZero();
    }
}
