package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.WorkbenchException;
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
