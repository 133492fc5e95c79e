package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.StoreException;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk during the import's commit (issue 15 point 1): whether H2 wrote the import is settled by reading the
 * file back read-only, and the message says which. The failure is the one H2 gives (a disk-full SQL error raised by
 * COMMIT); the file read back is a real project's, once with the import written and once without.
 */
class ImportCommitOutcomeTest {

    @TempDir
    Path tmp;

    private static StoreException diskFullAtCommit() {
        StoreException e = StoreException.of(new SQLException("General error: \"org.h2.mvstore.MVStoreException: "
                + "No space left on device\"; SQL statement: COMMIT"), true);
        assertThat(e.commitOutcomeUnknown()).isTrue();
        return e;
    }

    @Test
    void anImportThatLandedIsReportedAsKeptWithItsInteractions() throws Exception {
        Path csv = tmp.resolve("ratings.csv");
        Files.writeString(csv, "consumer,product,rating\nu1,p1,4\nu1,p2,2\nu2,p1,5\n");
        Path dir = tmp.resolve("project");
        try (Project project = Project.create(dir)) {
            ImportDataset.job(project, ImportDataset.Settings.of(ImportFormat.CSV, List.of(csv))).run(TaskContext.silent());
            WorkbenchException settled = ImportDataset.settle(project, 64L << 20, diskFullAtCommit());
            assertThat(settled.getMessage()).startsWith("The disk filled up while the import was being committed, but "
                    + "the import was kept: the project holds its 3 interactions (read back from "
                    + dir.resolve(Project.DB_FILE_NAME) + " after the failure). Free some space before the next job "
                    + "(the disk holding " + dir + " has ").endsWith(" free), then open the project again.");
        }
        try (Project reopened = Project.open(dir)) {
            assertThat(TableSnapshot.count(reopened.database(), "SELECT COUNT(*) FROM interaction")).isEqualTo(3);
        }
    }

    @Test
    void anImportThatDidNotLandIsReportedAsNotKeptWithTheSpaceItNeeds() throws Exception {
        Path dir = tmp.resolve("project");
        try (Project project = Project.create(dir)) {
            WorkbenchException settled = ImportDataset.settle(project, 64L << 20, diskFullAtCommit());
            assertThat(settled.getMessage()).startsWith("The disk filled up while the import was being committed, and "
                    + "the import was not kept: the project is as it was before it (read back from "
                    + dir.resolve(Project.DB_FILE_NAME) + " after the failure). The import needs about 64 MB free while "
                    + "it runs and the disk holding " + dir + " has ")
                    .endsWith(": free some space, open the project again and import again.");
        }
        try (Project reopened = Project.open(dir)) {
            assertThat(TableSnapshot.count(reopened.database(), "SELECT COUNT(*) FROM interaction")).isZero();
            assertThat(TableSnapshot.count(reopened.database(), "SELECT COUNT(*) FROM dataset")).isZero();
        }
    }

    @Test
    void whenTheFileCannotBeReadBackTheMessageSaysTheOutcomeIsUnknownAndWhy() throws Exception {
        Path dir = tmp.resolve("project");
        try (Project project = Project.create(dir)) {
            // Gone from the folder (H2 still writes to the file it holds open): nothing to read back.
            Files.delete(dir.resolve(Project.DB_FILE_NAME));
            WorkbenchException settled = ImportDataset.settle(project, 64L << 20, diskFullAtCommit());
            assertThat(settled.getMessage()).startsWith("The disk filled up while a change was being committed: H2 may "
                    + "have written it before it failed, so whether it was kept is known only once there is space again "
                    + "(then `lrw project check` compares the database with its last close, and `lrw info` shows what it "
                    + "holds). Reading the file back right away failed: ");
        }
    }
}
