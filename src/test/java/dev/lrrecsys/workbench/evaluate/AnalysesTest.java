package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.ExperimentRepository.AttentionRow;
import dev.lrrecsys.workbench.store.RunRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnalysesTest {

    @Test
    void uncertaintyIsTheNormalisedVarianceAndGainTheSquaredErrorDifference() {
        float[] target = {0.5f, 1.0f, 0.0f};
        float[] ours = {0.5f, 0.75f, 0.25f};
        float[] base = {0.5f, 0.25f, 0.0f};
        float[] other = {0.5f, 1.0f, 0.5f};
        UncertaintyAnalysis.PerSample s = UncertaintyAnalysis.perSample(target, List.of(ours, base, other),
                List.of(base, other), base, ours);
        // variances: 0; of {0.75,0.25,1.0}: mean 2/3 -> (1/144 + 25/144 + 16/144)/3 = 42/432; of {0.25,0,0.5}: 1/24
        double v1 = 42.0 / 432;
        double v2 = 1.0 / 24;
        assertThat(s.uncertainty()).containsExactly(new double[] {0, 1, v2 / v1}, within(1e-6));
        // gains: 0; (0.75^2 - 0.25^2) = 0.5; (0 - 0.0625) = -0.0625
        assertThat(s.gain()).containsExactly(new double[] {0, 0.5, -0.0625}, within(1e-6));
        // baselines only: variances of {0.5,0.5} 0, {0.25,1.0} 0.140625, {0,0.5} 0.0625: LR-Recsys moves none of them.
        assertThat(s.uncertaintyBaselines()).containsExactly(new double[] {0, 1, 0.0625 / 0.140625}, within(1e-6));
        assertThat(UncertaintyAnalysis.perSample(target, List.of(ours, base), List.of(base), base, ours)
                .uncertaintyBaselines()).containsOnly(Double.NaN);
        UncertaintyAnalysis.Fit fit = UncertaintyAnalysis.fit(new double[] {0, 0.5, 1}, new double[] {1, 2, 3});
        assertThat(fit.slope()).isCloseTo(2, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(1, within(1e-12));
        assertThat(fit.n()).isEqualTo(3);
    }

    @Test
    void attentionSummarySplitsHighAndLowAndSharesSumToOne() {
        DatasetInfo oneToFive = new DatasetInfo("t", "csv", "restaurant", "x", 1, 5, 4, true, null);
        float[] uniform = new float[36];
        java.util.Arrays.fill(uniform, 1f / 6);
        float[] onPositive = new float[36];
        for (int row = 0; row < 6; row++) {
            onPositive[row * 6] = 1f;
        }
        List<AttentionRow> rows = List.of(new AttentionRow(1, 5, onPositive, 1f, 0f),
                new AttentionRow(2, 2, uniform, 1f / 6, 1f / 6));
        AttentionSummary s = AttentionSummary.of(rows, oneToFive);
        assertThat(s.highCount()).isEqualTo(1);
        assertThat(s.highAlphaPos()).isCloseTo(1, within(1e-6));
        assertThat(s.lowAlphaNeg()).isCloseTo(1.0 / 6, within(1e-6));
        assertThat(s.shares()[0]).isCloseTo((1 + 1.0 / 6) / 2, within(1e-6));
        assertThat(java.util.Arrays.stream(s.shares()).sum()).isCloseTo(1, within(1e-6));
        // One sample whose rows each look at one token (max 1, entropy 0), one uniform (max 1/6, entropy ln 6).
        assertThat(s.meanRowMax()).isCloseTo((1 + 1.0 / 6) / 2, within(1e-6));
        assertThat(s.meanRowEntropy()).isCloseTo(Math.log(6) / 2, within(1e-6));
    }

    @Test
    void theTableComparesLrRecsysWithTheBestBaselineOnPairedRepeats() {
        List<RunRecord> runs = List.of(run("lr-recsys", 0, 0.20), run("lr-recsys", 1, 0.22), run("lr-recsys", 2, 0.21),
                run("mf", 0, 0.25), run("mf", 1, 0.26), run("mf", 2, 0.24),
                run("sasrec", 0, 0.30), run("sasrec", 1, 0.31), run("sasrec", 2, 0.29),
                run("ncf", 0, 0.10), run("ncf", 1, 0.10), run("ncf", 2, 0.10));
        ResultTable t = new ResultTable(PredictionTask.REGRESSION, 1.0, List.of("lr-recsys", "ncf", "mf", "sasrec"),
                Map.of("lr-recsys", ModelCatalog.Role.LR_RECSYS, "ncf", ModelCatalog.Role.VARIANT,
                        "mf", ModelCatalog.Role.BASELINE, "sasrec", ModelCatalog.Role.BASELINE), runs);
        ResultTable.Comparison c = t.comparison().orElseThrow();
        // a variant (ncf) is never the "best baseline"
        assertThat(c.bestBaseline()).isEqualTo("mf");
        assertThat(c.improvementPercent()).isCloseTo(100 * (0.25 - 0.21) / 0.25, within(1e-9));
        assertThat(c.pValue()).isCloseTo(RepeatStatistics.pairedTTestP(new double[] {0.20, 0.22, 0.21},
                new double[] {0.25, 0.26, 0.24}), within(1e-12));
        assertThat(t.markdown()).contains("| mf | baseline | 3 | 2.0 | 0.2500 (0.0100) |");
    }

    @Test
    void withTheShuffledControlTheSummaryAddsTheLineAgainstIt() {
        List<RunRecord> runs = List.of(run("lr-recsys", 0, 0.20), run("lr-recsys", 1, 0.22),
                run("shuffled", 0, 0.25), run("shuffled", 1, 0.26), run("mf", 0, 0.21), run("mf", 1, 0.24));
        ResultTable t = new ResultTable(PredictionTask.REGRESSION, 1.0, List.of("lr-recsys", "shuffled", "mf"),
                Map.of("lr-recsys", ModelCatalog.Role.LR_RECSYS, "shuffled", ModelCatalog.Role.CONTROL,
                        "mf", ModelCatalog.Role.BASELINE), runs);

        // The control is never the best baseline, though here it is worse than mf.
        assertThat(t.comparison().orElseThrow().bestBaseline()).isEqualTo("mf");
        // (0.255 - 0.21) / 0.255 = 17.65%; differences 0.05 and 0.04: t = 9 on 1 df, p = 0.0704.
        // (0.225 - 0.21) / 0.225 = 6.67%; differences 0.01 and 0.02: t = 3 on 1 df, p = 0.2048.
        assertThat(t.summary()).isEqualTo("LR-Recsys vs best baseline (mf) on RMSE: +6.67% improvement; paired t-test "
                + "over 2 repeats: p = 0.2048" + System.lineSeparator()
                + "LR-Recsys vs shuffled explanations on RMSE: +17.65% improvement; paired t-test over 2 repeats: p = 0.07045");
        assertThat(t.markdown()).contains("| shuffled | control | 2 | 2.0 | 0.2550 (0.0071) |");
    }

    private static RunRecord run(String model, int repeat, double rmse) {
        return new RunRecord(repeat, 1, model, repeat, repeat, 1.0, 2, "done", rmse, rmse, rmse * 4, rmse * 4, null,
                1.0, null, null);
    }
}
