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

    @Test
    void aJobWithDeclaredPhasesShowsItsShareDoneAndTheWholeJobsEta() {
        TaskSnapshot s = new TaskSnapshot("Experiment", TaskState.RUNNING, 2, 20, "autoencoder epoch 2/20", 0.25, 600,
                null, 0.02);
        assertThat(TaskItem.detail(s)).isEqualTo("2 / 20, 4.0 s each, job 2%, ETA 10:00 - autoencoder epoch 2/20");
    }

    @Test
    void slowRatesReadAsSecondsEachAndAnUnknownEtaSaysSo() {
        TaskSnapshot autoencoder = new TaskSnapshot("Train", TaskState.RUNNING, 2, 20, "epoch 2/20", 0.25, Double.NaN, null);
        assertThat(TaskItem.detail(autoencoder)).isEqualTo("2 / 20, 4.0 s each, ETA n/a - epoch 2/20");
        assertThat(TaskItem.rate(2.5)).isEqualTo("2.5/s");
        assertThat(TaskItem.eta(3725)).isEqualTo("ETA 1:02:05");
    }

    @Test
    void aCancelledRunningTaskSaysCancellingUntilItStopsAndAFailedOneHasAFullBar() throws Exception {
        TaskPanelViewModel panel = new TaskPanelViewModel(Runnable::run);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        TrackedTask<String> loop = new TrackedTask<>(new NamedTestJob("Train", c -> {
            started.countDown();
            while (true) {
                c.checkCancelled();
                Thread.sleep(1);
            }
        }));
        panel.track(loop);
        Thread runner = new Thread(loop::runHere);
        runner.start();
        started.await();
        TaskItem item = panel.items().get(0);
        item.cancel();
        assertThat(item.outcomeProperty().get()).isEqualTo("Cancelling...");
        assertThat(item.cancelling()).isTrue();
        runner.join(10_000);
        assertThat(item.outcomeProperty().get()).isEqualTo("Cancelled: what was committed is kept");
        assertThat(item.cancelling()).isFalse();

        TrackedTask<String> failed = new TrackedTask<>(new NamedTestJob("Import", c -> {
            c.progress(5, 10, "half");
            throw new WorkbenchException("The file ends in the middle of a row.");
        }));
        panel.track(failed);
        failed.runHere();
        assertThat(panel.items().get(0).progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void theBarShowsTheNewestUnfinishedTaskElseTheNewestAndCountsWhatRuns() {
        TaskPanelViewModel panel = new TaskPanelViewModel(Runnable::run);
        assertThat(panel.currentProperty().get()).isNull();
        assertThat(panel.summaryProperty().get()).isEqualTo("Tasks");
        TrackedTask<String> first = new TrackedTask<>(new NamedTestJob("Import", c -> "x"));
        TrackedTask<String> second = new TrackedTask<>(new NamedTestJob("Train", c -> "y"));
        panel.track(first);
        panel.track(second);
        assertThat(panel.summaryProperty().get()).isEqualTo("Tasks: 2 running of 2");
        assertThat(panel.currentProperty().get().titleProperty().get()).isEqualTo("Train");
        second.runHere();
        // The newest has finished: the bar moves to the one still waiting.
        assertThat(panel.currentProperty().get().titleProperty().get()).isEqualTo("Import");
        assertThat(panel.summaryProperty().get()).isEqualTo("Tasks: 1 running of 2");
        first.runHere();
        assertThat(panel.currentProperty().get().titleProperty().get()).isEqualTo("Train");
        assertThat(panel.summaryProperty().get()).isEqualTo("Tasks: 2");
        panel.clearFinished();
        assertThat(panel.currentProperty().get()).isNull();
    }

    @Test
    void anExportSaysWhereItSaved() {
        TaskPanelViewModel panel = new TaskPanelViewModel(Runnable::run);
        java.nio.file.Path file = java.nio.file.Path.of("/p/exports/consumers-2026-12-02.csv");
        TrackedTask<java.nio.file.Path> export = new TrackedTask<>(new dev.lrrecsys.workbench.ui.NamedJob<>("Export consumers CSV", c -> file));
        panel.track(export);
        export.runHere();
        assertThat(panel.items().get(0).outcomeProperty().get()).isEqualTo("Saved to " + file);
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
