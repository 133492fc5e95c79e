package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository;
import dev.lrrecsys.workbench.store.GenerationRunRepository;
import dev.lrrecsys.workbench.store.ProjectInfoRepository;
import dev.lrrecsys.workbench.store.TableSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows a killed process left "running" are marked interrupted when the project is next opened (issue 15, point 9). */
class InterruptedWorkTest {

    @Test
    void runningRowsLeftByAKilledProcessAreInterruptedOnTheNextOpenAndNotCountedAsRuns(@TempDir Path dir) {
        Path projectDir = dir.resolve("p");
        long[] ids;
        try (Project p = Project.create(projectDir)) {
            // What a process killed mid-experiment and mid-generation leaves behind: nothing ever finished these rows.
            ExperimentRepository experiments = new ExperimentRepository();
            ids = p.database().inTransaction(tx -> {
                long e = experiments.createExperiment(tx, new ExperimentRecord(0, OffsetDateTime.now(), "regression",
                        List.of("mf"), 1, 1, 0.0, 0, 16, 0.01, 1, "1.0", "offline", "offline reasoner (no LLM)", 1, 2, 0,
                        "CpuBackend", "test cpu", ExperimentRepository.RUNNING));
                long run = experiments.createRun(tx, e, "mf", 0, 1, 1.0, 1);
                long generation = new GenerationRunRepository().start(tx, "offline", "offline reasoner (no LLM)", "contrastive");
                return new long[] {e, run, generation};
            });
        }

        try (Project p = Project.open(projectDir)) {
            assertThat(TableSnapshot.rows(p.database(), "SELECT status, message FROM run WHERE id = " + ids[1]))
                    .containsExactly("interrupted|the process ended while it ran");
            assertThat(TableSnapshot.rows(p.database(), "SELECT status FROM experiment WHERE id = " + ids[0]))
                    .containsExactly("interrupted");
            assertThat(TableSnapshot.rows(p.database(), "SELECT outcome FROM generation_run WHERE id = " + ids[2]))
                    .containsExactly("interrupted");
            var info = p.database().read(tx -> new ProjectInfoRepository().summary(tx));
            assertThat(info).containsEntry("runs", "0").containsEntry("interrupted runs",
                    "1 (the process ended while they ran: `lrw experiment --resume` trains them again)");
        }
    }

    @Test
    void anAutoencoderAKilledProcessLeftHalfTrainedIsRemovedWithItsCheckpoint(@TempDir Path dir) throws Exception {
        Path projectDir = dir.resolve("p");
        try (Project p = Project.create(projectDir)) {
            p.database().inTransaction(tx -> {
                new ExplanationCodeRepository().start(tx, "offline", "offline reasoner (no LLM)", 10, 5, "adagrad", 0.1,
                        128, 100, 20, "models/autoencoder-1.bin");
            });
            java.nio.file.Files.writeString(p.modelsDir().resolve("autoencoder-1.bin"), "half-written");
        }

        try (Project p = Project.open(projectDir)) {
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM autoencoder")).isZero();
            assertThat(p.modelsDir().resolve("autoencoder-1.bin")).doesNotExist();
        }
    }
}
