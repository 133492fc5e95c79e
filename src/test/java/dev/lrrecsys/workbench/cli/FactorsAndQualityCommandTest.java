package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.workflow.OpenProject;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `lrw factors`, `lrw generate --variant concise` and `lrw quality` end to end on a small synthetic world. */
@Tag("slow")
class FactorsAndQualityCommandTest extends ConsoleCommandTest {

    @TempDir
    Path dir;

    @Test
    void conciseExplanationsNameAtMostTwoKeyFactorsPerSideAndNoneTwice() throws Exception {
        String project = dir.resolve("world").toString();
        assertThat(lrw("synth", "--project", project, "--consumers", "300", "--products", "40",
                "--interactions", "4000", "--seed", "5")).isZero();

        assertThat(lrw("factors", "--project", project)).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: The project has no samples yet: derive them with `lrw samples` first.\n");
        assertThat(lrw("samples", "--project", project)).isZero();
        assertThat(lrw("generate", "--project", project, "--generator", "offline", "--variant", "concise")).isEqualTo(1);
        assertThat(err.toString()).endsWith("error: Concise explanations name key factors, and the project has none yet: "
                + "find them with `lrw factors` first.\n");
        try (Project p = OpenProject.job(Path.of(project)).run(TaskContext.silent())) {
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation")).isZero();
        }

        assertThat(lrw("factors", "--project", project, "--segment", "nope")).isEqualTo(1);
        assertThat(err.toString()).endsWith("error: Unknown segment attribute 'nope': use one of age_group, alcohol, "
                + "ambience, budget, city, company, cuisine, drink_level, favourite_cuisine, location, price.\n");
        assertThat(lrw("factors", "--project", project)).isZero();
        assertThat(out.toString()).contains("candidate factors: ", "chosen penalty: ", "key factors: ");

        assertThat(lrw("generate", "--project", project, "--generator", "offline", "--variant", "concise")).isZero();
        assertThat(lrw("generate", "--project", project, "--generator", "offline")).isZero();

        assertThat(lrw("quality", "--project", project, "--variant", "concise")).isZero();
        String concise = out.toString();
        assertThat(concise).containsPattern("(?m)^redundancy: 0\\.0000$")
                .containsPattern("(?m)^spuriousness: \\d\\.\\d{4}$")
                .containsPattern("(?m)^factors per explanation: \\d\\.\\d\\d$")
                .containsPattern("(?m)^driver precision: \\d\\.\\d{4}$")
                .containsPattern("(?m)^driver recall: \\d\\.\\d{4}$");
        assertThat(figure(concise, "factors per explanation")).isLessThanOrEqualTo(2.0);

        assertThat(lrw("quality", "--project", project)).isZero();
        String contrastive = out.toString();
        // The contrastive reasoner repeats values in its evidence ("Thai cuisine (favourite cuisine Thai)").
        assertThat(figure(contrastive, "redundancy")).isGreaterThan(0.05);
        assertThat(figure(concise, "spuriousness")).isLessThan(figure(contrastive, "spuriousness"));

        try (Project p = OpenProject.job(Path.of(project)).run(TaskContext.silent())) {
            List<String> negatives = TableSnapshot.rows(p.database(),
                    "SELECT text FROM explanation WHERE variant = 'concise' AND side = 'negative' AND status = 'ok'");
            assertThat(negatives).isNotEmpty().allMatch(t -> t.startsWith("The consumer might not like this restaurant because"));
            List<String> contrastiveNegatives = TableSnapshot.rows(p.database(),
                    "SELECT text FROM explanation WHERE variant = 'contrastive' AND side = 'negative' AND status = 'ok'");
            assertThat(contrastiveNegatives).allMatch(t -> t.startsWith("The consumer might not like this restaurant because"));
        }
    }

    private static double figure(String output, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ": ([0-9.]+)$").matcher(output);
        assertThat(m.find()).as(key + " in " + output).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
