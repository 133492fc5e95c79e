package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.store.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingEstimateTest {

    private static RunRecord run(long id, String model, double fraction, int epochs, String status, Double seconds) {
        return new RunRecord(id, 1, model, 0, 42, fraction, epochs, status, null, null, null, null, null, seconds, null, null);
    }

    @Test
    void timesEachModelFromItsNewestFinishedRunScaledToEpochsRepeatsAndFractions() {
        TrainingEstimate estimate = TrainingEstimate.fromRuns(List.of(
                run(1, "mf", 1.0, 10, "done", 100.0),      // 10 s an epoch, superseded by run 3
                run(3, "mf", 0.5, 10, "done", 10.0),       // 2 s an epoch on all the data
                run(4, "mf", 1.0, 10, "failed", 999.0),
                run(2, "sasrec", 1.0, 5, "done", 20.0)));  // 4 s an epoch
        // mf: 2 s x 20 epochs x 3 repeats x (0.5 + 1.0) = 180 s; sasrec: 4 x 20 x 3 x 1.5 = 360 s.
        assertThat(estimate.describe(List.of("mf", "sasrec"), 20, 3, List.of(0.5, 1.0)))
                .isEqualTo("Estimate: about 9 min (from this project's earlier runs)");
        assertThat(estimate.describe(List.of("mf", "lr-recsys"), 1, 1, List.of(1.0)))
                .isEqualTo("Estimate: about 2 s (from this project's earlier runs; plus lr-recsys, not timed yet)");
        assertThat(estimate.describe(List.of("ncf"), 1, 1, List.of(1.0)))
                .isEqualTo("Estimate: not yet (no earlier run of ncf in this project to time; the first run measures it)");
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(TrainingEstimate.duration(0.2)).isEqualTo("1 s");
        assertThat(TrainingEstimate.duration(59)).isEqualTo("59 s");
        assertThat(TrainingEstimate.duration(150)).isEqualTo("3 min");
        assertThat(TrainingEstimate.duration(5400)).isEqualTo("1.5 h");
    }
}
