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
                    List.of("lr-recsys"), 1, 1, 0.0, 0, 16, 0.01, 1, "1.0", "offline", "offline reasoner (no LLM)", 1, 2, 0,
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
            double[] baselines = new double[ids.length];
            double[] g = new double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                u[i] = i / (double) (ids.length - 1);
                baselines[i] = 1 - u[i];
                g[i] = 0.1 + 0.3 * u[i];
            }
            repo.saveUncertainty(tx, e, 1.0, ids, u, baselines, g);
            return new long[] {e, run};
        });
    }

    @Test
    void attentionAndUncertaintyPrintTheirFiguresForTheLastRun(@TempDir Path dir) {
        Path projectDir = dir.resolve("p");
        long[] ids;
        int samples;
        try (Project p = Project.create(projectDir)) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 4, 6, 5, 1, 0, Double.NaN);
            samples = highThenLow(f).size();
            ids = storeResults(p.database(), highThenLow(f));
        }
        Result summary = lrw("attention", "--project", projectDir.toString());
        assertThat(summary.code()).as(summary.err()).isZero();
        assertThat(summary.out()).contains("experiment: " + ids[0], "runs: 1 (lr-recsys: " + ids[1] + ")",
                "high samples (rating >= 4.0): 1, mean alpha_pos 0.5000 (sd 0.0000), mean alpha_neg 0.0000 (sd 0.0000)",
                "share positive explanation: 25.0% (sd 0.0)", "share of both explanations: 75.0% (sd 0.0)",
                // The high sample's rows split 0.5/0.5 (entropy ln 2), the low sample's look at one token.
                "row concentration: mean largest weight 0.7500 (sd 0.0000) (uniform 0.1667), mean entropy 0.3466 (sd 0.0000) (uniform 1.7918)",
                "high minus low alpha_pos: 0.50000 (sd 0.00000); paired t-test over 1 runs: p = n/a (needs 2 runs)");

        Result attention = lrw("attention", "--project", projectDir.toString(), "--run", Long.toString(ids[1]));
        assertThat(attention.code()).as(attention.err()).isZero();
        assertThat(attention.out()).contains("run: " + ids[1] + " (lr-recsys, experiment " + ids[0] + ")",
                "high samples (rating >= 4.0): 1, mean alpha_pos 0.5000, mean alpha_neg 0.0000",
                "low samples: 1, mean alpha_pos 0.0000, mean alpha_neg 1.0000",
                "share positive explanation: 25.0%", "share negative explanation: 50.0%", "share consumer: 25.0%",
                "share of both explanations: 75.0%");

        Result uncertainty = lrw("uncertainty", "--project", projectDir.toString(), "--run", Long.toString(ids[1]));
        assertThat(uncertainty.code()).as(uncertainty.err()).isZero();
        assertThat(uncertainty.out()).contains("experiment: " + ids[0], "train fraction: 1.0",
                "uncertainty: all models (the paper's)\nslope: 0.300000\nintercept: 0.100000",
                // gain = 0.4 - 0.3 * (1 - u) over the baselines-only uncertainty 1 - u.
                "uncertainty: baselines only\nbaselines-only slope: -0.300000\nbaselines-only intercept: 0.400000",
                "baselines-only n: " + samples);
        Result info = lrw("info", "--project", projectDir.toString());
        assertThat(info.out()).contains("runs: 1", "last run: " + ids[1] + " (lr-recsys, experiment " + ids[0] + ")",
                "last run backend: CpuBackend", "last run device: test cpu");
    }

    @Test
    void attentionSummarisesEveryLrRecsysRunOfTheExperimentWithAPairedTest(@TempDir Path dir) {
        Path projectDir = dir.resolve("p");
        long[] ids;
        long second;
        try (Project p = Project.create(projectDir)) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 4, 6, 5, 1, 0, Double.NaN);
            List<Long> samples = highThenLow(f);
            ids = storeResults(p.database(), samples);
            // A second repeat whose high sample puts 0.3 of each row on the positive explanation (gap 0.3, not 0.5).
            ExperimentRepository repo = new ExperimentRepository();
            second = p.database().inTransaction(tx -> {
                long run = repo.createRun(tx, ids[0], "lr-recsys", 1, 2, 1.0, 1);
                float[] w = new float[72];
                for (int row = 0; row < 6; row++) {
                    w[row * 6] = 0.3f;
                    w[row * 6 + 2] = 0.7f;
                    w[36 + row * 6 + 1] = 1f;
                }
                repo.saveAttention(tx, run, new long[] {samples.get(0), samples.get(1)}, w);
                repo.finishRun(tx, run, "done", 0.2, 0.1, 0.8, 0.4, Double.NaN, 1, null, null);
                return run;
            });
        }
        Result summary = lrw("attention", "--project", projectDir.toString(), "--experiment", Long.toString(ids[0]));

        assertThat(summary.code()).as(summary.err()).isZero();
        assertThat(summary.out()).contains("runs: 2 (lr-recsys: " + ids[1] + ", " + second + ")",
                "high samples (rating >= 4.0): 1, mean alpha_pos 0.4000 (sd 0.1414), mean alpha_neg 0.0000 (sd 0.0000)",
                // Gaps 0.5 and 0.3: mean 0.4, sd 0.1414, t = 4 on 1 df: p = 0.156.
                "high minus low alpha_pos: 0.40000 (sd 0.14142); paired t-test over 2 runs: p = 0.1560");
        Result both = lrw("attention", "--project", projectDir.toString(), "--experiment", "1", "--run", "1");
        assertThat(both.err().trim()).isEqualTo(
                "error: Choose either --run (one run) or --experiment (all its lr-recsys runs), not both.");
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
        Result twice = lrw("experiment", "--project", projectDir.toString(), "--models", "mf,mf");
        assertThat(twice.err().trim()).isEqualTo("error: models lists mf more than once (--models).");
        assertThat(twice.code()).isEqualTo(1);
        Result badTask = lrw("experiment", "--project", projectDir.toString(), "--task", "rank");
        assertThat(badTask.err().trim()).isEqualTo("error: task must be regression, classification or ranking, got 'rank' (--task).");
        Result badSource = lrw("experiment", "--project", projectDir.toString(), "--task", "ranking",
                "--candidate-explanations", "closest");
        assertThat(badSource.err().trim()).isEqualTo(
                "error: candidate explanations must be generate, nearest or pool, got 'closest' (--candidate-explanations).");
    }

    @Test
    void badRegularisationIsOneLineAndStoresNothing(@TempDir Path dir) {
        Path projectDir = dir.resolve("p");
        java.util.Map<String, String> before;
        try (Project p = Project.create(projectDir)) {
            before = dev.lrrecsys.workbench.store.DatabaseSnapshot.of(p.database());
        }
        Result decay = lrw("experiment", "--project", projectDir.toString(), "--weight-decay", "-0.01");
        assertThat(decay.code()).isEqualTo(1);
        assertThat(decay.err().trim()).isEqualTo("error: weight decay must be in [0, 1.0], got -0.01 (--weight-decay).");
        Result dropout = lrw("experiment", "--project", projectDir.toString(), "--dropout", "0.95");
        assertThat(dropout.err().trim()).isEqualTo("error: dropout must be in [0, 0.9], got 0.95 (--dropout).");
        Result aeDropout = lrw("autoencoder", "--project", projectDir.toString(), "--dropout", "1");
        assertThat(aeDropout.code()).isEqualTo(1);
        assertThat(aeDropout.err().trim()).isEqualTo("error: dropout must be in [0, 0.9], got 1.0 (--dropout).");
        Result aeDecay = lrw("autoencoder", "--project", projectDir.toString(), "--weight-decay", "NaN");
        assertThat(aeDecay.err().trim()).isEqualTo("error: weight decay must be in [0, 1.0], got NaN (--weight-decay).");
        try (Project p = Project.open(projectDir)) {
            assertThat(dev.lrrecsys.workbench.store.DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }

    @Test
    void aNewExperimentAfterAnInterruptedOneSaysResumeExists(@TempDir Path dir) {
        Path projectDir = dir.resolve("p");
        try (Project p = Project.create(projectDir)) {
            p.database().inTransaction(tx -> {
                new ExperimentRepository().createExperiment(tx, new ExperimentRecord(0, OffsetDateTime.now(),
                        "regression", List.of("mf"), 1, 1, 0.0, 0, 16, 0.01, 1, "1.0", "offline", "offline reasoner (no LLM)",
                        1, 2, 0, "CpuBackend", "test cpu", ExperimentRepository.RUNNING));
            });
        }
        // Reopening marks it interrupted; the new experiment then stops on the empty project, after the note.
        Result again = lrw("experiment", "--project", projectDir.toString(), "--models", "mf");

        assertThat(again.err()).startsWith("note: experiment 1 did not finish (interrupted): `lrw experiment --resume` "
                + "finishes it; this starts a new experiment.");
        assertThat(again.code()).isEqualTo(1);
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
