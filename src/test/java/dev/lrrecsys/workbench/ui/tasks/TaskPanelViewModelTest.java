package dev.lrrecsys.workbench.ui.tasks;

import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.TaskSnapshot;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;
import dev.lrrecsys.workbench.WorkbenchException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskPanelViewModelTest {

    @Test
    void listsTasksNewestFirstWithTheirOutcomeAndClearsFinishedOnes() {
        TaskPanelViewModel panel = new TaskPanelViewModel(Runnable::run);
        TrackedTask<String> ok = new TrackedTask<>(new NamedTestJob("Import", c -> {
            c.progress(10, 10, "rows");
            return "3 rows";
        }));
        TrackedTask<String> failed = new TrackedTask<>(new NamedTestJob("Generate", c -> {
            throw new WorkbenchException("Cannot reach Ollama at http://localhost:11434: is `ollama serve` running?");
        }));
        TrackedTask<String> cancelled = new TrackedTask<>(new NamedTestJob("Train", c -> {
            throw new CancelledException();
        }));
        panel.track(ok);
        panel.track(failed);
        panel.track(cancelled);
        ok.runHere();
        failed.runHere();
        cancelled.runHere();
        assertThat(panel.items()).extracting(i -> i.titleProperty().get()).containsExactly("Train", "Generate", "Import");
        assertThat(panel.items().get(2).outcomeProperty().get()).isEqualTo("Done: 3 rows");
        assertThat(panel.items().get(2).progressProperty().get()).isEqualTo(1.0);
        assertThat(panel.items().get(1).outcomeProperty().get())
                .isEqualTo("Failed: Cannot reach Ollama at http://localhost:11434: is `ollama serve` running?");
        assertThat(panel.items().get(0).outcomeProperty().get()).isEqualTo("Cancelled: what was committed is kept");

        TrackedTask<String> waiting = new TrackedTask<>(new NamedTestJob("Export", c -> "x"));
        panel.track(waiting);
        panel.clearFinished();
        assertThat(panel.items()).extracting(i -> i.titleProperty().get()).containsExactly("Export");
    }

    @Test
    void detailShowsCountsRateEtaAndMessage() {
        TaskSnapshot s = new TaskSnapshot("Generate", TaskState.RUNNING, 250, 1000, "offline", 50, 15, null);
        assertThat(TaskItem.detail(s)).isEqualTo("250 / 1000, 50/s, ETA 0:15 - offline");
    }

    private record NamedTestJob(String title, Body body) implements dev.lrrecsys.workbench.task.Job<String> {
        interface Body {
            String run(dev.lrrecsys.workbench.task.TaskContext c) throws Exception;
        }

        @Override
        public String run(dev.lrrecsys.workbench.task.TaskContext context) throws Exception {
            return body.run(context);
        }
    }
}
