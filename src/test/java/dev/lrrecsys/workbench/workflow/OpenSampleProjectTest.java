package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.project.SampleProjects;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening the sample: copied, built from the real UCI data as a job (progress, cancel), and never outside its folder. */
class OpenSampleProjectTest {

    private static final Path SAMPLE = Path.of("sample-projects", OpenSampleProject.SAMPLE);

    @TempDir
    Path tmp;

    /** Records progress and cancels once the import has reported {@code cancelAfter} progress lines. */
    private static final class Recording implements TaskContext {
        final List<String> lines = new ArrayList<>();
        final int cancelAfter;
        int progress;

        Recording(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void progress(long done, long total, String message) {
            progress++;
            lines.add(done + "/" + total + " " + message);
        }

        @Override
        public void message(String message) {
            lines.add(message);
        }

        @Override
        public boolean isCancelled() {
            return progress >= cancelAfter;
        }
    }

    @Test
    void copiesTheSampleBuildsItsDatabaseWithProgressAndOpensIt() throws Exception {
        Path copy = tmp.resolve("projects").resolve(OpenSampleProject.SAMPLE);
        Recording context = new Recording(Integer.MAX_VALUE);
        try (Project p = OpenSampleProject.job(new OpenSampleProject.Settings(SAMPLE, copy)).run(context)) {
            var db = p.database();
            assertThat(DatabaseSnapshot.count(db, "SELECT COUNT(*) FROM consumer")).isEqualTo(138);
            assertThat(DatabaseSnapshot.count(db, "SELECT COUNT(*) FROM product")).isEqualTo(130);
            assertThat(DatabaseSnapshot.count(db, "SELECT COUNT(*) FROM interaction")).isEqualTo(1161);
            assertThat(DatabaseSnapshot.strings(db, "SELECT name FROM product WHERE external_id = '135106'"))
                    .containsExactly("El Rincón de San Francisco");
            assertThat(DatabaseSnapshot.strings(db, "SELECT name FROM product WHERE external_id = '132845'"))
                    .containsExactly("Cenaduria El Rincón de Tlaquepaque");
            assertThat(DatabaseSnapshot.count(db, "SELECT COUNT(*) FROM product WHERE name LIKE ?", "%\uFFFD%")).isZero();
            // 808 distinct placeIDs of the four chefmoz*.csv files are not among geoplaces2.csv's 130 restaurants.
            assertThat(DatabaseSnapshot.strings(db, "SELECT products_skipped || ' ' || note FROM import_log")).containsExactly(
                    "808 skipped 808 restaurants that have no name and no rating (rows of chefmoz*.csv for restaurants not in geoplaces2.csv)");
            assertThat(DatabaseSnapshot.strings(db, "SELECT domain || ' ' || rating_min || '..' || rating_max || ' ' || has_time FROM dataset"))
                    .containsExactly("restaurant 0.0..2.0 FALSE");
        }
        assertThat(context.lines).startsWith("Copying the sample to " + copy.toAbsolutePath(),
                "Building the sample's database from its data (first open)");
        assertThat(context.progress).isPositive();
        try (Project again = OpenSampleProject.job(new OpenSampleProject.Settings(SAMPLE, copy)).run(TaskContext.silent())) {
            assertThat(DatabaseSnapshot.count(again.database(), "SELECT COUNT(*) FROM import_log")).isEqualTo(1);
        }
    }

    @Test
    void aCancelledOpenLeavesNoHalfBuiltDatabaseAndTheNextOpenBuildsItCleanly() throws Exception {
        Path copy = tmp.resolve("projects").resolve(OpenSampleProject.SAMPLE);
        OpenSampleProject.Settings settings = new OpenSampleProject.Settings(SAMPLE, copy);
        Recording cancelling = new Recording(1);
        assertThatThrownBy(() -> OpenSampleProject.job(settings).run(cancelling)).isInstanceOf(CancelledException.class);
        assertThat(copy.resolve(Project.DB_FILE_NAME)).doesNotExist();
        assertThat(SampleProjects.isSample(copy)).isTrue();

        try (Project p = OpenSampleProject.job(settings).run(TaskContext.silent())) {
            assertThat(DatabaseSnapshot.count(p.database(), "SELECT COUNT(*) FROM interaction")).isEqualTo(1161);
            assertThat(DatabaseSnapshot.count(p.database(), "SELECT COUNT(*) FROM import_log")).isEqualTo(1);
        }
    }

    @Test
    void aSampleWhoseDataCannotBeImportedLeavesNoDatabaseBehind() {
        Path copy = SampleProjects.copyTo(SAMPLE, tmp.resolve("broken"));
        assertThat(copy.resolve("data/rating_final.csv").toFile().delete()).isTrue();
        assertThatThrownBy(() -> OpenProject.job(copy).run(TaskContext.silent())).isInstanceOf(WorkbenchException.class)
                .hasMessage("Cannot build the sample project " + copy + ": file not found: " + copy.resolve("data/rating_final.csv")
                        + " (the restaurant-consumer format needs geoplaces2.csv, userprofile.csv, rating_final.csv)");
        assertThat(copy.resolve(Project.DB_FILE_NAME)).doesNotExist();
    }

    @Test
    void aDataFolderOutsideTheSampleFolderIsRefusedAndNothingIsBuilt() throws IOException {
        Path elsewhere = tmp.resolve("elsewhere");
        SampleProjects.copyTo(SAMPLE, elsewhere);
        for (String data : List.of("../elsewhere/data", "../../elsewhere", elsewhere.resolve("data").toString(), ".")) {
            Path copy = SampleProjects.copyTo(SAMPLE, tmp.resolve("escape-" + Math.abs(data.hashCode())));
            Files.writeString(copy.resolve(SampleProjects.MARKER), "format=restaurant-consumer\ndata=" + data + "\n");
            assertThatThrownBy(() -> OpenProject.job(copy).run(TaskContext.silent())).isInstanceOf(WorkbenchException.class)
                    .hasMessage("The sample's data folder '" + data + "' (sample.properties) must be a folder inside " + copy + ".");
            assertThat(copy.resolve(Project.DB_FILE_NAME)).doesNotExist();
        }
    }

    @Test
    void withoutAnInstalledSampleItSaysSoAndStartsNothing() {
        OpenSampleProject.Settings none = new OpenSampleProject.Settings(null, tmp.resolve("projects/restaurant-consumer"));
        String reason = "The sample project is not installed with this copy of the workbench (no sample-projects/"
                + "restaurant-consumer next to it): open a project or import a dataset instead.";
        assertThat(none.unavailableReason()).isEqualTo(reason);
        assertThatThrownBy(() -> OpenSampleProject.job(none)).isInstanceOf(WorkbenchException.class).hasMessage(reason);
        assertThat(tmp.resolve("projects")).doesNotExist();
    }
}
