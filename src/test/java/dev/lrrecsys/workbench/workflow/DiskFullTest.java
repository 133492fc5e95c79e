package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ingest.ImportJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full disk (issue 15, point 1), simulated with a small tmpfs mounted inside the test's folder: that needs root,
 * as CI runs; elsewhere the test is skipped. The import is named, and leaves the project as it was.
 */
@org.junit.jupiter.api.Tag("slow")
class DiskFullTest {

    @TempDir
    Path dir;
    private Path disk;
    private boolean mounted;

    @BeforeEach
    void smallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        mounted = SmallTmpfs.mount(disk, 40);
        assumeTrue(mounted, "mounting a tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            SmallTmpfs.unmount(disk);
        }
    }

    /** 100,000 ratings (2.3 MB), the size that made H2's file grow past 180 MB during the import. */
    private Path ratings() throws Exception {
        Path csv = dir.resolve("ratings.csv");
        Random r = new Random(1);
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("user,item,score,ts\n");
            for (int i = 0; i < 100_000; i++) {
                w.write("u" + r.nextInt(5000) + ",p" + r.nextInt(500) + "," + (1 + r.nextInt(5)) + "," + (1_600_000_000 + i) + "\n");
            }
        }
        Path mapping = dir.resolve("map.properties");
        Files.writeString(mapping, "consumer=user\nproduct=item\nrating=score\ntime=ts\n");
        return csv;
    }

    @Test
    void anImportThatCannotFitIsRefusedBeforeItWritesWithTheSpaceItNeeds() throws Exception {
        Path csv = ratings();
        Path p = disk.resolve("p");
        Project.create(p).close();
        try (Project project = Project.open(p)) {
            ImportDataset.Settings settings = ImportDataset.Settings.of(ImportFormat.CSV, List.of(csv))
                    .withMapping(dir.resolve("map.properties"));

            assertThatThrownBy(() -> ImportDataset.job(project, settings).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessageStartingWith("Not enough disk space for the import: it needs about 225 MB while it runs "
                            + "(the file shrinks again when the project closes), and the disk holding " + p + " has ")
                    .hasMessageEndingWith(" MB free. Nothing was changed; free some space or move the project.");
            assertThat(TableSnapshot.count(project.database(), "SELECT COUNT(*) FROM interaction")).isZero();
        }
    }

    @Test
    void aDiskThatFillsDuringTheImportIsNamedAndTheImportLeavesNothingOnceThereIsSpaceAgain() throws Exception {
        Path csv = ratings();
        Path p = disk.resolve("p");
        Project.create(p).close();
        Path filler = disk.resolve("filler");
        Files.write(filler, new byte[20 << 20]);
        Project project = Project.open(p);
        try {
            // The capability job itself, past the workflow's estimate: what happens when the estimate is wrong.
            ImportJob importing = new ImportJob(project.database(), project.exportsDir(),
                    ImportDataset.Settings.of(ImportFormat.CSV, List.of(csv)).withMapping(dir.resolve("map.properties")).request());

            assertThatThrownBy(() -> importing.run(TaskContext.silent())).isInstanceOf(WorkbenchException.class)
                    .hasMessage("The disk is full: the change in progress was not saved (it was rolled back); what was "
                            + "committed before it is kept. Free some space and run it again.");
        } finally {
            project.close();
        }
        Files.delete(filler);
        try (Project reopened = Project.open(p)) {
            assertThat(TableSnapshot.count(reopened.database(), "SELECT COUNT(*) FROM interaction")).isZero();
            assertThat(TableSnapshot.count(reopened.database(), "SELECT COUNT(*) FROM dataset")).isZero();
        }
    }
}
