package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;
import dev.lrrecsys.workbench.workflow.OpenSampleProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's "Open sample project": a job the user can cancel, after which the next open builds the sample cleanly. */
class MainWindowViewModelTest {

    private static final String PREFS = "dev/lrrecsys/workbench-mainwindow-test-" + ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    private final List<Throwable> errors = new ArrayList<>();

    /** Runs jobs on the calling thread and presses Cancel as soon as one reports progress, as a user in the task panel. */
    private static final class CancellingBackground implements Background {
        TaskState last;

        @Override
        public <R> TrackedTask<R> start(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
            TrackedTask<R> task = new TrackedTask<>(job);
            task.addListener(s -> task.cancel());
            task.runHere();
            last = task.state();
            if (task.state() == TaskState.SUCCEEDED) {
                onSuccess.accept(task.result());
            } else if (task.state() == TaskState.FAILED) {
                onFailure.accept(task.failure());
            }
            return task;
        }

        @Override
        public <R> void load(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
            start(job, onSuccess, onFailure);
        }
    }

    @AfterEach
    void forget() throws Exception {
        Preferences.userRoot().node(PREFS).removeNode();
    }

    @Test
    void aCancelledSampleOpenLeavesNoProjectAndNoDatabaseAndTheNextOpenBuildsIt() {
        WorkbenchPreferences preferences = new WorkbenchPreferences(Preferences.userRoot().node(PREFS));
        Path copy = tmp.resolve("projects").resolve(OpenSampleProject.SAMPLE);
        OpenSampleProject.Settings sample = new OpenSampleProject.Settings(Path.of("sample-projects", OpenSampleProject.SAMPLE), copy);

        CancellingBackground cancelling = new CancellingBackground();
        MainWindowViewModel window = new MainWindowViewModel(cancelling, preferences, (action, e) -> errors.add(e));
        window.openWith(OpenSampleProject.job(sample), "Open sample project");
        assertThat(cancelling.last).isEqualTo(TaskState.CANCELLED);
        assertThat(window.project()).isNull();
        assertThat(errors).isEmpty();
        assertThat(copy.resolve(Project.DB_FILE_NAME)).doesNotExist();

        MainWindowViewModel again = new MainWindowViewModel(new DirectBackground(), preferences, (action, e) -> errors.add(e));
        again.openWith(OpenSampleProject.job(sample), "Open sample project");
        try (Project p = again.project()) {
            assertThat(p).isNotNull();
            assertThat(DatabaseSnapshot.count(p.database(), "SELECT COUNT(*) FROM interaction")).isEqualTo(1161);
        }
        assertThat(errors).isEmpty();
    }
}
