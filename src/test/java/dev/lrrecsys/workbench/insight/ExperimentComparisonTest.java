package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.evaluate.ModelCatalog;
import dev.lrrecsys.workbench.evaluate.ResultTable;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.store.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two experiments side by side: each one's mean (sd), the difference of means and which side it favours. */
class ExperimentComparisonTest {

    private static RunRecord run(String model, int repeat, double rmse) {
        return new RunRecord(repeat, 1, model, repeat, repeat, 0.8, 2, "done", rmse, rmse / 2, rmse * 2, rmse, null, 1.0, null, null);
    }

    private static ResultTable table(List<String> models, List<RunRecord> runs) {
        return new ResultTable(PredictionTask.REGRESSION, 0.8, models, Map.of("mf", ModelCatalog.Role.BASELINE,
                "lr-recsys", ModelCatalog.Role.LR_RECSYS), runs);
    }

    @Test
    void differencesAreSecondMinusFirstAndLowerErrorIsBetter() {
        ResultTable first = table(List.of("mf"), List.of(run("mf", 1, 1.0), run("mf", 2, 1.2)));
        ResultTable second = table(List.of("mf", "lr-recsys"), List.of(run("mf", 1, 0.9), run("mf", 2, 0.9),
                run("lr-recsys", 1, 0.8)));
        List<ExperimentComparison.Row> rows = ExperimentComparison.of(first, List.of("mf"), second, List.of("mf", "lr-recsys"));

        ExperimentComparison.Row mfRmse = rows.get(0);
        assertThat(mfRmse.model()).isEqualTo("mf");
        assertThat(mfRmse.metric()).isEqualTo("RMSE");
        assertThat(mfRmse.first()).isEqualTo(dev.lrrecsys.workbench.evaluate.RepeatStatistics.meanSd(new double[] {1.0, 1.2}));
        assertThat(mfRmse.difference()).isCloseTo(0.9 - 1.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(mfRmse.verdict()).isEqualTo("second better");
        // A model only the second experiment has: shown, not compared.
        ExperimentComparison.Row lr = rows.stream().filter(r -> r.model().equals("lr-recsys") && r.metric().equals("RMSE")).findFirst().orElseThrow();
        assertThat(lr.first()).isEmpty();
        assertThat(lr.difference()).isNaN();
        assertThat(lr.verdict()).isEmpty();
        assertThat(rows).hasSize(2 * first.metrics().size());
    }
}
