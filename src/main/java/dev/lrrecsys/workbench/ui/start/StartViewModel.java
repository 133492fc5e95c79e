package dev.lrrecsys.workbench.ui.start;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ProjectInfoRepository;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.ReadJob;
import dev.lrrecsys.workbench.ui.WorkbenchPreferences;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Map;

/** The start screen's data: the recent projects and the `lrw info` summary of the open project. */
public final class StartViewModel {

    private final Background background;
    private final WorkbenchPreferences preferences;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, String>> summary = FXCollections.observableArrayList();
    private final StringProperty summaryMessage = new SimpleStringProperty();
    private final LatestOnly loader = new LatestOnly();

    public StartViewModel(Background background, WorkbenchPreferences preferences) {
        this.background = background;
        this.preferences = preferences;
        reloadRecent();
    }

    public void reloadRecent() {
        recent.setAll(preferences.recentProjects());
    }

    public void forget(Path dir) {
        preferences.removeRecent(dir);
        reloadRecent();
    }

    public void showProject(Project project) {
        reloadRecent();
        if (project == null) {
            summary.clear();
            summaryMessage.set("No project open: open the sample project, a recent one, or create a new one.");
            return;
        }
        summaryMessage.set("Loading " + project.name() + "...");
        loader.load(background, new ReadJob<>("Project summary", project.database(), tx -> new ProjectInfoRepository().summary(tx)),
                map -> {
                    summary.setAll(map.entrySet());
                    summaryMessage.set(project.dir().toString());
                },
                e -> summaryMessage.set("Cannot read the project summary: " + e.getMessage()));
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public ObservableList<Map.Entry<String, String>> summary() {
        return summary;
    }

    public StringProperty summaryMessageProperty() {
        return summaryMessage;
    }
}
