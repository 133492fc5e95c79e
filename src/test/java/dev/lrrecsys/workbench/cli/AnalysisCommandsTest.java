package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExperimentFixture;
import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisCommandsTest {

    private record Result(int code, String out, String err) {
    }

    private static Result lrw(String... args) {
        CommandLine cl = LrwCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A stored experiment with one attention run and uncertainty rows, written through the repositories. */
    private static long[] storeResults(Database db, List<Long> sampleIds) {
        ExperimentRepository repo = new ExperimentRepository();
        return db.inTransaction(tx -> {
            long e = repo.createExperiment(tx, new ExperimentRecord(0, OffsetDateTime.now(), "regression",
                    List.of("lr-recsys"), 1, 1, 16, 0.01, 1, "1.0", "offline", "offline reasoner (no LLM)", 1, 2, 0,
                    "CpuBackend", "test cpu", "done"));
            long run = repo.createRun(tx, e, "lr-recsys", 0, 1, 1.0, 1);
            float[] w = new float[72];
            for (int row = 0; row < 6; row++) {
                w[row * 6] = 0.5f;          // sample 1 (high): half of every row on the positive explanation
                w[row * 6 + 2] = 0.5f;
                w[36 + row * 6 + 1] = 1f;   // sample 2 (low): everything on the negative explanation
            }
            repo.saveAttention(tx, run, new long[] {sampleIds.get(0), sampleIds.get(1)}, w);
            repo.finishRun(tx, run, "done", 0.2, 0.1, 0.8, 0.4, Double.NaN, 1, null, null);
            long[] ids = sampleIds.stream().mapToLong(Long::longValue).toArray();
            double[] u = new double[ids.length];
            double[] g = new double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                u[i] = i / (double) (ids.length - 1);
                g[i] = 0.1 + 0.3 * u[i];
            }
            repo.saveUncertainty(tx, e, 1.0, ids, u, g);
            return new long[] {e, run};
        });
    }

    @Test
    void attentionAndUncertaintyPrintTheirFiguresForTheLastRun(@TempDir Path dir) {
        Path projectDir = dir.resolve("p");
        long[] ids;
        try (Project p = Project.create(projectDir)) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 4, 6, 5, 1, 0, Double.NaN);
            ids = storeResults(p.database(), highThenLow(f));
        }
        Result attention = lrw("attention", "--project", projectDir.toString());
        assertThat(attention.code()).as(attention.err()).isZero();
        assertThat(attention.out()).contains("run: " + ids[1] + " (lr-recsys, experiment " + ids[0] + ")",
                "high samples (rating >= 4.0): 1, mean alpha_pos 0.5000, mean alpha_neg 0.0000",
                "low samples: 1, mean alpha_pos 0.0000, mean alpha_neg 1.0000",
                "share positive explanation: 25.0%", "share negative explanation: 50.0%", "share consumer: 25.0%",
                "share of both explanations: 75.0%");

        Result uncertainty = lrw("uncertainty", "--project", projectDir.toString(), "--run", Long.toString(ids[1]));
        assertThat(uncertainty.code()).as(uncertainty.err()).isZero();
        assertThat(uncertainty.out()).contains("experiment: " + ids[0], "train fraction: 1.0", "slope: 0.300000",
                "intercept: 0.100000");
        Result info = lrw("info", "--project", projectDir.toString());
        assertThat(info.out()).contains("runs: 1", "last run: " + ids[1] + " (lr-recsys, experiment " + ids[0] + ")",
                "last run backend: CpuBackend", "last run device: test cpu");
    }

    @Test
    void withoutRunsTheAnalysesSaySoClearly(@TempDir Path dir) {
        Path projectDir = dir.resolve("p");
        try (Project p = Project.create(projectDir)) {
            assertThat(p.dir()).exists();
        }
        Result attention = lrw("attention", "--project", projectDir.toString());
        assertThat(attention.code()).isEqualTo(1);
        assertThat(attention.err().trim()).isEqualTo(
                "error: No run with attention weights yet: run `lrw experiment --models lr-recsys` first.");
        Result uncertainty = lrw("uncertainty", "--project", projectDir.toString());
        assertThat(uncertainty.err().trim()).isEqualTo(
                "error: No experiment yet: run `lrw experiment` with lr-recsys and a baseline first.");
        Result badTask = lrw("experiment", "--project", projectDir.toString(), "--task", "ranking");
        assertThat(badTask.err().trim()).isEqualTo("error: task must be regression or classification, got 'ranking' (--task).");
    }

    /** One high sample, one low sample, then all the others, in id order. */
    private static List<Long> highThenLow(ExperimentFixture f) {
        List<Long> ids = f.ratings.keySet().stream().sorted().toList();
        long high = ids.stream().filter(id -> f.ratings.get(id) >= 4).findFirst().orElseThrow();
        long low = ids.stream().filter(id -> f.ratings.get(id) < 4).findFirst().orElseThrow();
        List<Long> out = new java.util.ArrayList<>(List.of(high, low));
        ids.stream().filter(id -> id != high && id != low).forEach(out::add);
        return out;
    }
}
