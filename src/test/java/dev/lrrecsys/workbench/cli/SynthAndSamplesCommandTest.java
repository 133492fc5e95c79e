package dev.lrrecsys.workbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SynthAndSamplesCommandTest extends ConsoleCommandTest {

    @TempDir
    Path dir;

    @Test
    void synthesizesIntoANewProjectThenDerivesSamplesOnce() {
        String project = dir.resolve("world").toString();
        assertThat(lrw("synth", "--project", project, "--consumers", "40", "--products", "12",
                "--interactions", "400", "--seed", "3")).isZero();
        assertThat(out.toString()).contains("consumers: 40\n", "products: 12\n", "interactions: 400\n",
                "ground truth preferences: ", "interactions/s)");

        assertThat(lrw("samples", "--project", project)).isZero();
        // Every interaction but each consumer's first is a sample.
        assertThat(out.toString()).startsWith("samples: 360 (train ").contains("derived in ");
        String samplesLine = out.toString().lines().findFirst().orElseThrow();

        assertThat(lrw("samples", "--project", project)).isZero();
        assertThat(out.toString()).isEqualTo(samplesLine + "\n"
                + "already derived: the split is fixed (--rederive derives again while nothing refers to them)\n");

        assertThat(lrw("info", "--project", project)).isZero();
        assertThat(out.toString()).contains("format: synthetic\n", "domain: restaurant\n",
                "rating scale: 1..5 (high >= 4)\n", "time order: timestamps\n", samplesLine + "\n");
    }

    @Test
    void impossibleSizesFailWithOneLineAndCreateNothing() {
        Path project = dir.resolve("never");
        assertThat(lrw("synth", "--project", project.toString(), "--consumers", "10", "--products", "5",
                "--interactions", "9")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: --interactions (9) must be at least --consumers (10): "
                + "every consumer visits at least one restaurant.\n");
        assertThat(Files.exists(project)).isFalse();
    }

    @Test
    void samplesOfAProjectWithoutDataFailWithOneLine() {
        String project = dir.resolve("empty").toString();
        assertThat(lrw("project", "create", project)).isZero();
        assertThat(lrw("samples", "--project", project)).isEqualTo(1);
        assertThat(err.toString()).endsWith("error: The project has no interactions yet: import a dataset with "
                + "`lrw import` or make one with `lrw synth` first.\n");
    }
}
