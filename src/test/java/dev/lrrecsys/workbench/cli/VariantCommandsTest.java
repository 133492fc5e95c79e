package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.AutoencoderCodes;
import dev.lrrecsys.workbench.evaluate.ExperimentSettings;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.workflow.OpenProject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * `lrw autoencoder --variant` and `lrw experiment --variant` on a small synthetic world with both concise and
 * contrastive explanations: each variant gets its own autoencoder and codes, an experiment reads the codes of its own
 * variant (and stores, reports and resumes with it), and bad input stores nothing.
 */
@Tag("slow")
class VariantCommandsTest extends ConsoleCommandTest {

    private static final String OFFLINE_MODEL = ExperimentSettings.OFFLINE_MODEL;
    private static final String NOT_A_PAIR = "error: variant must be contrastive or concise (the variants with a "
            + "positive and a negative side), got '%s' (--variant).\n";

    @TempDir
    Path dir;

    private long count(String project, String sql) throws Exception {
        try (Project p = OpenProject.job(Path.of(project)).run(TaskContext.silent())) {
            return TableSnapshot.count(p.database(), sql);
        }
    }

    private List<String> rows(String project, String sql) throws Exception {
        try (Project p = OpenProject.job(Path.of(project)).run(TaskContext.silent())) {
            return TableSnapshot.rows(p.database(), sql);
        }
    }

    @Test
    void eachVariantHasItsOwnCodesAndAnExperimentReadsTheChosenOne() throws Exception {
        String project = dir.resolve("world").toString();
        assertThat(lrw("synth", "--project", project, "--consumers", "300", "--products", "40",
                "--interactions", "4000", "--seed", "6")).isZero();
        assertThat(lrw("samples", "--project", project)).isZero();
        assertThat(lrw("factors", "--project", project)).isZero();
        assertThat(lrw("generate", "--project", project, "--generator", "offline")).isZero();

        // Bad input: one line listing the accepted variants, nothing stored.
        assertThat(lrw("autoencoder", "--project", project, "--epochs", "1", "--variant", "positive-only")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(NOT_A_PAIR.formatted("positive-only"));
        assertThat(lrw("experiment", "--project", project, "--models", "lr-recsys", "--variant", "nope")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(NOT_A_PAIR.formatted("nope"));
        assertThat(lrw("experiment", "--project", project, "--task", "ranking", "--variant", "concise")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: --task ranking reads contrastive explanations only (its candidates' "
                + "pairs are contrastive), not concise (--variant).\n");
        // Concise pairs asked before they exist: the line names the command that writes them.
        assertThat(lrw("autoencoder", "--project", project, "--epochs", "1", "--variant", "concise")).isEqualTo(1);
        assertThat(err.toString()).endsWith("error: No concise explanations of generator 'offline', model '"
                + OFFLINE_MODEL + "' in the training split: generate explanations first (lrw generate --variant concise).\n");
        assertThat(lrw("experiment", "--project", project, "--models", "lr-recsys", "--repeats", "1", "--epochs", "1",
                "--variant", "concise")).isEqualTo(1);
        assertThat(err.toString()).endsWith("error: No concise explanations from generator 'offline' (model '"
                + OFFLINE_MODEL + "') in this project: generate them first with `lrw generate --project DIR --variant "
                + "concise`, or choose models without explanations (mf, sasrec).\n");
        assertThat(count(project, "SELECT COUNT(*) FROM autoencoder")).isZero();
        assertThat(count(project, "SELECT COUNT(*) FROM experiment")).isZero();
        try (Project p = OpenProject.job(Path.of(project)).run(TaskContext.silent())) {
            assertThatThrownBy(() -> AutoencoderCodes.load(p.database(), "offline", OFFLINE_MODEL, "concise"))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("No explanation codes for the concise explanations of generator 'offline', model '"
                            + OFFLINE_MODEL + "': train them first with `lrw autoencoder --project DIR --variant concise`.");
        }

        assertThat(lrw("generate", "--project", project, "--generator", "offline", "--variant", "concise")).isZero();
        assertThat(lrw("autoencoder", "--project", project, "--epochs", "2")).isZero();
        assertThat(out.toString()).contains("variant: contrastive\n");
        // Only a contrastive autoencoder yet: a concise experiment trains the concise one it reads first.
        assertThat(lrw("experiment", "--project", project, "--models", "lr-recsys", "--repeats", "1", "--epochs", "1",
                "--ae-epochs", "1", "--patience", "0", "--variant", "concise")).isZero();
        assertThat(rows(project, "SELECT variant FROM autoencoder ORDER BY id")).containsExactly("contrastive", "concise");
        assertThat(lrw("autoencoder", "--project", project, "--epochs", "2", "--variant", "concise")).isZero();
        assertThat(out.toString()).contains("variant: concise\n");
        assertThat(rows(project, "SELECT variant FROM autoencoder ORDER BY id"))
                .containsExactly("contrastive", "concise", "concise");
        // Each autoencoder encoded the pairs of its own variant, and nothing else.
        assertThat(rows(project, "SELECT DISTINCT a.variant || '=' || e.variant FROM explanation_code c "
                + "JOIN explanation e ON e.id = c.explanation_id JOIN autoencoder a ON a.id = c.autoencoder_id"))
                .containsExactlyInAnyOrder("contrastive=contrastive", "concise=concise");

        try (Project p = OpenProject.job(Path.of(project)).run(TaskContext.silent())) {
            AutoencoderCodes contrastive = AutoencoderCodes.load(p.database(), "offline", OFFLINE_MODEL, "contrastive");
            AutoencoderCodes concise = AutoencoderCodes.load(p.database(), "offline", OFFLINE_MODEL, "concise");
            assertThat(contrastive.autoencoder().variant()).isEqualTo("contrastive");
            assertThat(concise.autoencoder().variant()).isEqualTo("concise");
            assertThat(concise.autoencoder().id()).isEqualTo(3);
            long sample = Long.parseLong(TableSnapshot.rows(p.database(), "SELECT MIN(sample_id) FROM explanation "
                    + "WHERE variant = 'concise' AND side = 'positive' AND status = 'ok'").get(0));
            float[][] a = {new float[8], new float[8]};
            float[][] b = {new float[8], new float[8]};
            assertThat(contrastive.fill(sample, a[0], 0, a[1], 0)).isTrue();
            assertThat(concise.fill(sample, b[0], 0, b[1], 0)).isTrue();
            assertThat(b[0]).isNotEqualTo(a[0]);
            assertThat(b[1]).isNotEqualTo(a[1]);
        }

        // Now the experiment finds concise codes: no autoencoder is trained, and the variant is stored and reported.
        assertThat(lrw("experiment", "--project", project, "--models", "lr-recsys", "--repeats", "1", "--epochs", "1",
                "--patience", "0", "--variant", "concise")).isZero();
        assertThat(count(project, "SELECT COUNT(*) FROM autoencoder")).isEqualTo(3);
        assertThat(rows(project, "SELECT variant FROM experiment ORDER BY id")).containsExactly("concise", "concise");
        assertThat(Files.readString(markdown(out.toString()))).contains("explanations: offline / " + OFFLINE_MODEL
                + ", variant concise");

        // --resume finishes an interrupted concise experiment as concise, whatever --variant says.
        try (Project p = OpenProject.job(Path.of(project)).run(TaskContext.silent())) {
            p.database().inTransaction(tx -> {
                new ExperimentRepository().createExperiment(tx, new ExperimentRecord(0, OffsetDateTime.now(), "regression",
                        List.of("lr-recsys"), 1, 1, 0.1, 0, 128, 0.01, 42, "1.0", "offline", OFFLINE_MODEL, 0, 0, 0,
                        "cpu", "cpu", ExperimentRepository.INTERRUPTED, 1e-5, 0, "concise"));
            });
        }
        assertThat(lrw("experiment", "--project", project, "--resume")).isZero();
        assertThat(rows(project, "SELECT variant FROM experiment ORDER BY id"))
                .containsExactly("concise", "concise", "concise");
        assertThat(Files.readString(markdown(out.toString()))).contains(", variant concise");
        assertThat(count(project, "SELECT COUNT(*) FROM autoencoder")).isEqualTo(3);
    }

    private static Path markdown(String output) {
        Matcher m = Pattern.compile("(?m)^markdown: (.+)$").matcher(output);
        assertThat(m.find()).as("markdown line in " + output).isTrue();
        return Path.of(m.group(1).trim());
    }
}
