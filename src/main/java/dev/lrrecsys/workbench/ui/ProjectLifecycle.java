package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.OpenSampleProject;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;

/**
 * Opening, creating and closing projects from the window: the folder choosers, and the sample project, which is
 * copied and built as a job in the task panel (progress, cancel) before it opens.
 */
final class ProjectLifecycle {

    private final Stage stage;
    private final MainWindowViewModel viewModel;
    private final WindowJobs jobs;
    private final OpenSampleProject.Settings sample;

    ProjectLifecycle(Stage stage, MainWindowViewModel viewModel, WindowJobs jobs, OpenSampleProject.Settings sample) {
        this.stage = stage;
        this.viewModel = viewModel;
        this.jobs = jobs;
        this.sample = sample;
    }

    void newProject() {
        File dir = chooseFolder("New project: choose an empty folder");
        if (dir != null) {
            viewModel.create(dir.toPath());
        }
    }

    /** Creates a project in a folder the user picks, then runs {@code then} once that project is the window's. */
    void newProjectThen(String title, Runnable then) {
        File dir = chooseFolder(title);
        if (dir == null) {
            return;
        }
        Path chosen = dir.toPath().toAbsolutePath().normalize();
        javafx.beans.value.ChangeListener<Project> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Project> o, Project was, Project now) {
                // One shot: whatever opens next (this project, or another after a failure), the listener goes.
                viewModel.projectProperty().removeListener(this);
                if (now != null && now.dir().toAbsolutePath().normalize().equals(chosen)) {
                    then.run();
                }
            }
        };
        viewModel.projectProperty().addListener(once);
        viewModel.create(dir.toPath());
    }

    void openProject() {
        File dir = chooseFolder("Open project: choose its folder");
        if (dir != null) {
            viewModel.open(dir.toPath());
        }
    }

    void open(Path dir) {
        viewModel.open(dir);
    }

    /** Null when the sample can be opened; otherwise why not (shown on the start screen). */
    String sampleUnavailableReason() {
        return sample.unavailableReason();
    }

    void openSample() {
        String reason = sample.unavailableReason();
        if (reason != null) {
            jobs.fail("Open sample project", new WorkbenchException(reason));
            return;
        }
        viewModel.openWith(OpenSampleProject.job(sample), "Open sample project");
    }

    void close() {
        viewModel.close();
    }

    private File chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return chooser.showDialog(stage);
    }
}
