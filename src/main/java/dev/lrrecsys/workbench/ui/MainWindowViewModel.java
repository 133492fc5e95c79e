package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.workflow.OpenProject;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * The window's state without its controls: which project is open (opening, creating and closing run in the
 * background), the title, the status line, and the recent-projects list kept in the preferences.
 */
public final class MainWindowViewModel {

    public static final String APP_NAME = "LR-Recsys Workbench";

    private final Background background;
    private final WorkbenchPreferences preferences;
    private final BiConsumer<String, Throwable> errors;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("No project open");
    private final StringBinding title = Bindings.createStringBinding(
            () -> project.get() == null ? APP_NAME : APP_NAME + " \u2014 " + project.get().name(), project);

    public MainWindowViewModel(Background background, WorkbenchPreferences preferences, BiConsumer<String, Throwable> errors) {
        this.background = background;
        this.preferences = preferences;
        this.errors = errors;
    }

    /** Opens a project folder in the task panel; a sample folder not built yet is built first (progress, cancel). */
    public void open(Path dir) {
        openWith(OpenProject.job(dir), "Open project");
    }

    /** Runs a job that opens a project and makes its result the window's project. */
    public void openWith(Job<Project> opening, String action) {
        background.start(opening, this::setProject, e -> {
            if (!(e instanceof CancelledException)) {
                errors.accept(action, e);
            }
        });
    }

    public void create(Path dir) {
        background.start(new NamedJob<>("Create project " + dir.getFileName(), ctx -> Project.create(dir)), this::setProject,
                e -> errors.accept("New project", e));
    }

    /** Makes the given (already opened) project the window's; the previous one is closed in the background. */
    public void setProject(Project opened) {
        Project previous = project.get();
        project.set(opened);
        if (opened != null) {
            preferences.addRecent(opened.dir());
            status.set("Project " + opened.dir());
        } else {
            status.set("No project open");
        }
        closeInBackground(previous);
    }

    public void close() {
        setProject(null);
    }

    private void closeInBackground(Project p) {
        if (p != null) {
            background.start(new NamedJob<Void>("Close project " + p.name(), ctx -> {
                p.close();
                return null;
            }), v -> { }, e -> errors.accept("Close project", e));
        }
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project;
    }

    public Project project() {
        return project.get();
    }

    public StringBinding titleProperty() {
        return title;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public WorkbenchPreferences preferences() {
        return preferences;
    }

    public Background background() {
        return background;
    }
}
