package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The restaurant-consumer sample: copied out of the repository, its database is built from the real UCI data on first open. */
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
    void openingACopyBuildsItsDatabaseFromTheRealData() {
        Path copy = SampleProjects.copyTo(SAMPLE, tmp.resolve("my-sample"));
        assertThat(copy.resolve("workbench.mv.db")).doesNotExist();
        assertThat(copy.resolve("data/rating_final.csv")).isRegularFile();

        try (Project p = Project.open(copy)) {
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
        try (Project again = Project.open(copy)) {
            assertThat(DatabaseSnapshot.count(again.database(), "SELECT COUNT(*) FROM import_log")).isEqualTo(1);
        }
    }

    @Test
    void copyingIntoAFolderThatIsNotEmptyIsRefused() throws IOException {
        Path target = tmp.resolve("busy");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> SampleProjects.copyTo(SAMPLE, target)).isInstanceOf(WorkbenchException.class)
                .hasMessage("Cannot copy the sample to " + target.toAbsolutePath().normalize() + ": the folder exists and is not empty.");
    }

    @Test
    void aSampleWhoseDataCannotBeImportedLeavesNoDatabaseBehind() throws IOException {
        Path copy = SampleProjects.copyTo(SAMPLE, tmp.resolve("broken"));
        Files.delete(copy.resolve("data/rating_final.csv"));
        assertThatThrownBy(() -> Project.open(copy)).isInstanceOf(WorkbenchException.class)
                .hasMessage("Cannot build the sample project " + copy + ": file not found: " + copy.resolve("data/rating_final.csv")
                        + " (the restaurant-consumer format needs geoplaces2.csv, userprofile.csv, rating_final.csv)");
        assertThat(copy.resolve("workbench.mv.db")).doesNotExist();
    }
}
