package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real disk that fills up at the end of an import, as it does when something else takes the space while the import
 * runs (issue 15 point 1): a 200 MB tmpfs mounted inside the test's folder (needs root, as CI runs; skipped
 * elsewhere), filled by another file once the import has read its CSV, so that H2 runs out of space in the last
 * writes or in the COMMIT itself. Which one is up to H2's timing; whichever, the answer must be settled (kept, or not
 * kept and the project as before, with the space needed) and must be what the project holds once there is space.
 */
@Tag("slow")
class ImportCommitOnFullDiskTest {

    private static final String KEPT = "The disk filled up while the import was being committed, but the import was kept";
    private static final String NOT_KEPT = "The disk filled up while the import was being committed, and the import was "
            + "not kept: the project is as it was before it";
    private static final String ROLLED_BACK = "The disk is full: the change in progress was not saved (it was rolled "
            + "back); what was committed before it is kept. Free some space and run it again.";

    @TempDir
    Path dir;
    private Path disk;
    private boolean mounted;

    @BeforeEach
    void disk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        mounted = SmallTmpfs.mount(disk, 200);
        assumeTrue(mounted, "mounting a tmpfs needs root and the mount command (CI runs as root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            SmallTmpfs.unmount(disk);
        }
    }

    /** 100,000 ratings without times (1.3 MB): the import's estimate (120 MB) fits the disk, so the job starts. */
    private Path ratings() throws IOException {
        Path csv = dir.resolve("ratings.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("consumer,product,rating\n");
            for (int i = 0; i < 100_000; i++) {
                int consumer = i % 5000;
                w.write("u" + consumer + ",p" + ((i / 5000 * 25 + consumer % 25) % 500) + "," + (1 + i * 7 % 5) + "\n");
            }
        }
        return csv;
    }

    /** Takes all but {@code leave} bytes of the disk holding {@code filler}. */
    private static void fill(Path filler, long leave) {
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            ByteBuffer block = ByteBuffer.allocate(1 << 20);
            for (long free; (free = Files.getFileStore(filler.getParent()).getUsableSpace()) > leave; ) {
                block.clear().limit((int) Math.min(block.capacity(), Math.max(4096, free - leave)));
                out.write(block);
            }
        } catch (IOException full) {
            // The disk is full: that is the point.
        }
    }

    @Test
    void aDiskThatFillsAtTheEndOfAnImportGetsASettledAnswerThatMatchesWhatTheProjectHolds() throws Exception {
        Path csv = ratings();
        Path p = disk.resolve("p");
        Project.create(p).close();
        Path filler = disk.resolve("filler");
        TaskContext fillsTheDiskOnceTheCsvIsRead = new TaskContext() {
            private boolean filled;

            @Override
            public void progress(long done, long total, String message) {
                if (!filled && message.startsWith("read ")) {
                    filled = true;
                    fill(filler, 4L << 20);
                }
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        Throwable failure;
        try (Project project = Project.open(p)) {
            failure = catchThrowable(() -> ImportDataset.job(project, ImportDataset.Settings.of(ImportFormat.CSV, List.of(csv)))
                    .run(fillsTheDiskOnceTheCsvIsRead));
        }
        assertThat(Files.exists(filler)).as("the disk was filled").isTrue();
        Files.delete(filler);
        long interactions;
        long datasets;
        try (Project reopened = Project.open(p)) {
            interactions = TableSnapshot.count(reopened.database(), "SELECT COUNT(*) FROM interaction");
            datasets = TableSnapshot.count(reopened.database(), "SELECT COUNT(*) FROM dataset");
        }
        System.out.println("import onto a full disk: " + (failure == null ? "succeeded" : failure.getMessage())
                + " / the project holds " + interactions + " interactions");

        assertThat(failure).as("an import that filled the disk").isInstanceOf(WorkbenchException.class);
        String message = failure.getMessage();
        if (message.startsWith(KEPT)) {
            assertThat(message).contains("the project holds its 100000 interactions (read back from "
                    + p.resolve(Project.DB_FILE_NAME) + " after the failure)");
            assertThat(interactions).isEqualTo(100_000);
            assertThat(datasets).isEqualTo(1);
        } else {
            if (message.startsWith(NOT_KEPT)) {
                assertThat(message).contains("The import needs about 120 MB free while it runs and the disk holding "
                        + p + " has ");
            } else {
                assertThat(message).isEqualTo(ROLLED_BACK);
            }
            assertThat(interactions).isZero();
            assertThat(datasets).isZero();
        }
    }
}
