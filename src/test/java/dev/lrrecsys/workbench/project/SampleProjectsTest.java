package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The restaurant-consumer sample as shipped: data with its attribution, copied out of the repository without a database. */
class SampleProjectsTest {

    private static final Path SAMPLE = Path.of("sample-projects", "restaurant-consumer");

    @TempDir
    Path tmp;

    @Test
    void theRepositoryShipsTheSampleAsDataWithItsAttribution() {
        assertThat(SampleProjects.list(Path.of("sample-projects"))).contains(SAMPLE);
        assertThat(SAMPLE.resolve("data/NOTICE.md")).isRegularFile();
        assertThat(SAMPLE.resolve("data/README.original.txt")).isRegularFile();
        assertThat(SAMPLE.resolve("README.md")).content().contains("CC BY 4.0");
    }

    @Test
    void aCopyHasNoDatabaseAndProjectOpenDoesNotBuildOneBehindTheUsersBack() {
        Path copy = SampleProjects.copyTo(SAMPLE, tmp.resolve("my-sample"));
        assertThat(copy.resolve("workbench.mv.db")).doesNotExist();
        assertThat(copy.resolve("data/rating_final.csv")).isRegularFile();
        // Building is an import with progress and cancel: workflow.OpenSampleProject / OpenProject run it as a job.
        assertThatThrownBy(() -> Project.open(copy)).isInstanceOf(WorkbenchException.class)
                .hasMessage("The sample in " + copy + " has no database yet: open it in the window or with an lrw command, "
                        + "which build it from its data first.");
        assertThat(copy.resolve("workbench.mv.db")).doesNotExist();
    }

    @Test
    void copyingIntoAFolderThatIsNotEmptyIsRefused() throws IOException {
        Path target = tmp.resolve("busy");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> SampleProjects.copyTo(SAMPLE, target)).isInstanceOf(WorkbenchException.class)
                .hasMessage("Cannot copy the sample to " + target.toAbsolutePath().normalize() + ": the folder exists and is not empty.");
    }
}
