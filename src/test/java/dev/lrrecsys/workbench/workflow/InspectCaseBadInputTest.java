package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.store.ExperimentFixture;
import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case workflow's refusals that need no trained network (fast, in the inner loop): a missing sample, a missing
 * product, a run whose checkpoint file is gone; one line each and the database unchanged. The refusals that need a
 * trained autoencoder are in InspectCaseTest.
 */
class InspectCaseBadInputTest {

    @TempDir
    Path tmp;

    @Test
    void refusesWithOneLineAndChangesNothing() {
        try (Project p = Project.create(tmp.resolve("p"))) {
            new ExperimentFixture().write(p.database(), 3, 5, 6, 1, 0, Double.NaN);
            long run = p.database().inTransaction(tx -> {
                ExperimentRepository repo = new ExperimentRepository();
                long e = repo.createExperiment(tx, new ExperimentRecord(0, OffsetDateTime.now(), "regression", List.of("mf"), 1, 1,
                        0.0, 0, 16, 0.01, 1, "1.0", "offline", "offline reasoner (no LLM)", 1, 1, 0, "CpuBackend", "test cpu", "done"));
                long r = repo.createRun(tx, e, "mf", 0, 1, 1.0, 1);
                repo.finishRun(tx, r, "done", 0.2, 0.1, 0.8, 0.4, Double.NaN, 1, "models/run-" + r + "-mf.sd", null);
                return r;
            });
            Map<String, String> before = DatabaseSnapshot.of(p.database());
            InspectCase inspect = new InspectCase(p);
            assertThatThrownBy(() -> inspect.inspect(InspectCase.Settings.defaults().withCase(77_777L, null), TaskContext.silent()))
                    .hasMessage("There is no sample 77777 in this project.");
            assertThatThrownBy(() -> inspect.inspect(InspectCase.Settings.defaults().withEdits(null, null, List.of("p0", "p404"), null),
                    TaskContext.silent())).hasMessage("History product 'p404' does not exist in this project.");
            assertThatThrownBy(() -> inspect.inspect(InspectCase.Settings.defaults(), TaskContext.silent()))
                    .hasMessage("The checkpoint of run " + run + " is missing: "
                            + p.dir().resolve("models/run-" + run + "-mf.sd").toAbsolutePath().normalize() + ".");
            assertThatThrownBy(() -> inspect.inspect(InspectCase.Settings.defaults().withCase(null, 999L), TaskContext.silent()))
                    .hasMessage("There is no run 999 in this project.");
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }

    @Test
    void settingsNameWhatIsWrong() {
        assertThatThrownBy(() -> new InspectCase.Settings(0L, null, null, null, null, null, true))
                .hasMessage("sample must be a positive id, got 0.");
        assertThatThrownBy(() -> new InspectCase.Settings(null, null, null, null, List.of("a", " "), null, true))
                .hasMessage("history names an empty product id.");
        assertThat(InspectCase.Settings.defaults().edited()).isFalse();
        assertThat(InspectCase.Settings.defaults().withEdits(null, null, null, "p1").edited()).isTrue();
    }
}
