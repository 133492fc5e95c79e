package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A cancelled import ends as CANCELLED and, being one transaction, leaves nothing behind. */
class ImportCancelTest {

    @TempDir
    Path tmp;

    @Test
    void cancellingRollsEverythingBack() throws Exception {
        Path csv = tmp.resolve("ratings.csv");
        // Many more rows than the importer reads between two cancellation checks.
        BenchmarkData.ratingsCsv(csv, 6_000, 7);
        try (Project p = Project.create(tmp.resolve("p"))) {
            Map<String, String> before = DatabaseSnapshot.of(p.database());
            TrackedTask<ImportResult> task = new TrackedTask<>(new ImportJob(p.database(), p.exportsDir(),
                    ImportRequest.of(ImportFormat.CSV, csv)));
            // Cancel as soon as it runs: the first check comes after a few hundred rows have been written.
            task.addListener(s -> task.cancel());
            task.runHere();

            assertThat(task.state()).isEqualTo(TaskState.CANCELLED);
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }
}
