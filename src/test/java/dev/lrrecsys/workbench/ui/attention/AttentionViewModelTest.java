package dev.lrrecsys.workbench.ui.attention;

import dev.lrrecsys.workbench.evaluate.AttentionAcrossRuns;
import dev.lrrecsys.workbench.evaluate.AttentionSummary;
import dev.lrrecsys.workbench.store.RunBrowseRepository.AttentionRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttentionViewModelTest {

    private static AttentionSummary summary(double highPos, double lowPos) {
        return new AttentionSummary(3, highPos, 0.1, 2, lowPos, 0.2, new double[]{highPos, 0.15, 0.2, 0.2, 0.1, 0.35 - highPos}, 0.5, 1.2);
    }

    @Test
    void theMeansLineGivesTheChosenRunThenItsRepeatsWithTheTestOverRuns() {
        AttentionSummary chosen = summary(0.30, 0.10);
        AttentionAcrossRuns all = AttentionAcrossRuns.of(List.of(chosen, summary(0.25, 0.15)));
        AttentionViewModel.Analysis a = new AttentionViewModel.Analysis(null, chosen, all,
                new AttentionRun(7, 2, "lr-recsys", 0, 1.0), null);

        assertThat(AttentionViewModel.describe(a)).isEqualTo(
                "Run 7: high-rated (3) mean alpha_pos 0.3000, alpha_neg 0.1000; low-rated (2) mean alpha_pos 0.1000, alpha_neg 0.2000\n"
                        // Gaps 0.20 and 0.10: mean 0.15, sd 0.0707, t = 3 on 1 df: p = 0.2048; shares 0.45 and 0.40: sd 0.0354.
                        + "All 2 lr-recsys runs of experiment 2: high minus low alpha_pos 0.15000 (sd 0.07071), "
                        + "paired t-test over 2 runs: p = 0.2048; explanations take 42.5% (sd 3.5) of attention; "
                        + "a row's largest weight is 0.500 on average (0.167 if uniform)");
    }
}
