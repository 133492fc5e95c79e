package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.TableSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 in the middle of a generation, then the same run again: nothing lost, nothing twice. */
@org.junit.jupiter.api.Tag("slow")
class ResumeAfterKillTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesWithoutDuplicatesOrLosses() throws Exception {
        Path projectDir = dir.resolve("p");
        long samples;
        try (Project p = ExplainFixtures.synthWorldWithSamples(projectDir, 20, 30, 220, 3)) {
            samples = TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM sample");
        }
        assertThat(samples).isEqualTo(200);

        Process child = startChild(projectDir);
        long committedWhenKilled = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committedWhenKilled = Long.parseLong(line.substring("committed ".length()));
                    if (committedWhenKilled >= 60) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(committedWhenKilled).as("the child must be killed mid-run; its stderr: %s",
                        java.nio.file.Files.readString(dir.resolve("child-stderr.txt"))).isBetween(60L, 2 * samples - 1);

        try (Project p = Project.open(projectDir)) {
            long kept = TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation");
            assertThat(kept).isGreaterThanOrEqualTo(committedWhenKilled).isLessThan(2 * samples);
        }

        Process rerun = startChild(projectDir);
        String output = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as(output + new String(rerun.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(output).contains("finished");

        try (Project p = Project.open(projectDir)) {
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation")).isEqualTo(2 * samples);
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM sample s WHERE "
                    + "(SELECT COUNT(*) FROM explanation e WHERE e.sample_id = s.id AND e.side = 'positive' AND e.status = 'ok') = 1 AND "
                    + "(SELECT COUNT(*) FROM explanation e WHERE e.sample_id = s.id AND e.side = 'negative' AND e.status = 'ok') = 1"))
                    .isEqualTo(samples);
        }
    }

    private static Process startChild(Path projectDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                GenerationChildMain.class.getName(), projectDir.toString(), "15", "20")
                .redirectError(projectDir.resolveSibling("child-stderr.txt").toFile())
                .start();
    }
}
