package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.workflow.OpenSampleProject;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/** The JavaFX application: the workbench window, started by `lrw ui` (or `lrw` with no arguments). */
public final class WorkbenchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private FxBackground background;

    @Override
    public void start(Stage stage) {
        Path log = LogFile.attach(LogFile.defaultPath());
        LOG.info("Workbench window starting");
        WorkbenchPreferences preferences = WorkbenchPreferences.forUser();
        ThemeManager theme = new ThemeManager(preferences);
        theme.applySaved();
        background = new FxBackground();
        MainWindowView window = new MainWindowView(stage, preferences, theme, background, log,
                OpenSampleProject.Settings.forThisInstall());
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.error("Uncaught on {}", t.getName(), e);
            Platform.runLater(() -> window.showError("Unexpected error", e));
        });
        window.show();
        // CI and the installer check look for this line to prove the packaged app got as far as a shown window.
        LOG.info("Workbench window shown: {}", stage.getTitle());
        projectArgument(getParameters().getRaw()).ifPresent(window::open);
    }

    static java.util.Optional<Path> projectArgument(List<String> raw) {
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if ((a.equals("--project") || a.equals("-p")) && i + 1 < raw.size()) {
                return java.util.Optional.of(Path.of(raw.get(i + 1)));
            }
            if (a.startsWith("--project=")) {
                return java.util.Optional.of(Path.of(a.substring("--project=".length())));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public void stop() {
        if (background != null) {
            background.close();
        }
    }

    /** Opens the window and blocks until it is closed. */
    public static void launchWindow(String... args) {
        Application.launch(WorkbenchApp.class, args);
    }

}
