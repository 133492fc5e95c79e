package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.workflow.OpenSampleProject;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The real main window for a TestFX test, shown on the test's stage: each window has its own home (sample copy, log)
 * and its own preferences node, so no test sees another's project or settings. Call {@link #show} from the test's
 * {@code @Start} method and {@link #close} from its {@code @AfterEach}.
 */
final class WindowFixture {

    private static final AtomicInteger WINDOWS = new AtomicInteger();

    private final String prefsNode;
    private final MainWindowView window;

    private WindowFixture(String prefsNode, MainWindowView window) {
        this.prefsNode = prefsNode;
        this.window = window;
    }

    /** Builds and shows the window on the FX thread (the saved theme, the sample from this checkout). */
    static WindowFixture show(Stage stage, Path home) {
        String node = "dev/lrrecsys/workbench-window-" + ProcessHandle.current().pid() + "-" + WINDOWS.incrementAndGet();
        WorkbenchPreferences preferences = new WorkbenchPreferences(Preferences.userRoot().node(node));
        ThemeManager theme = new ThemeManager(preferences);
        theme.applySaved();
        MainWindowView window = new MainWindowView(stage, preferences, theme, new FxBackground(), home.resolve("lrw.log"),
                new OpenSampleProject.Settings(Path.of("sample-projects", OpenSampleProject.SAMPLE),
                        home.resolve("projects").resolve(OpenSampleProject.SAMPLE)));
        window.show();
        return new WindowFixture(node, window);
    }

    MainWindowView window() {
        return window;
    }

    /** Closes the window (jobs stopped, project closed) and removes its preferences. */
    void close(FxRobot robot) throws BackingStoreException {
        robot.interact(window::close);
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    static <T extends Node> T find(FxRobot robot, String query, Class<T> type) throws Exception {
        waitFor(() -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(type);
    }

    /** Waits up to 60 s for the condition, checked after pending FX events. */
    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(Integer.getInteger("lrw.test.wait", 60), TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
