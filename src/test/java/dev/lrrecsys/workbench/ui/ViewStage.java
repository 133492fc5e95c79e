package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * One view of an open project alone in a stage the size it gets inside the main window at 1024x700 (the window's
 * smallest supported size), with the real theme, stylesheet and background; what the view asks of the window
 * (navigation, errors) is recorded for the test to check.
 */
public final class ViewStage implements Navigation, AutoCloseable {

    /**
     * The tab area of the main window at 1024x700 with the former two-row task panel (navigator, menu, tab header and
     * panel taken off). The one-line task bar now leaves about 590 px (MainWindowTest measures it): views checked at
     * 470 are checked stricter than they are shown.
     */
    public static final double WIDTH = 830;
    public static final double HEIGHT = 470;

    private final Project project;
    private final FxBackground background = new FxBackground();
    private final String prefsNode = "dev/lrrecsys/workbench-viewtest-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final ThemeManager theme = new ThemeManager(new WorkbenchPreferences(Preferences.userRoot().node(prefsNode)));
    public final List<String> errors = new ArrayList<>();
    public final List<ExplanationFilter> explanationRequests = new ArrayList<>();
    public final List<Long> caseRequests = new ArrayList<>();
    public final List<dev.lrrecsys.workbench.workflow.FindKeyFactors.Settings> keyFactorRequests = new ArrayList<>();
    private WorkbenchView view;
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
    private static final double TAB_HEADER = 32;

    public ViewStage(Project project) {
        this.project = project;
        theme.apply(ThemeManager.LIGHT);
    }

    /** Builds the view on the FX thread (call from a TestFX @Start method) and shows it in the stage. */
    public <V extends WorkbenchView> V show(Stage stage, Function<ProjectContext, V> factory) {
        V v = factory.apply(new ProjectContext(project, background, theme, this, (action, e) -> errors.add(action + ": " + e)));
        view = v;
        // In a tab pane as in the window, so a test can look away (another tab) and back.
        tabs.getTabs().setAll(new javafx.scene.control.Tab("View", v.node()), new javafx.scene.control.Tab("Other", new Label("other")));
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, WIDTH, HEIGHT + TAB_HEADER);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return v;
    }

    /** Shows the other tab (true) or the view's tab (false); call on the FX thread. */
    public void lookAway(boolean away) {
        tabs.getSelectionModel().select(away ? 1 : 0);
    }

    public ThemeManager theme() {
        return theme;
    }

    public Project project() {
        return project;
    }

    public WorkbenchView view() {
        return view;
    }

    @Override
    public void show(ViewKind kind) {
    }

    @Override
    public void showExplanations(ExplanationFilter filter) {
        explanationRequests.add(filter);
    }

    @Override
    public void showCase(long sampleId) {
        caseRequests.add(sampleId);
    }

    @Override
    public void importDataset() {
    }

    @Override
    public void generateExplanations() {
    }

    @Override
    public void buildKeywordIndex() {
    }

    @Override
    public void findKeyFactors(dev.lrrecsys.workbench.workflow.FindKeyFactors.Settings settings) {
        keyFactorRequests.add(settings);
    }

    @Override
    public void train() {
    }

    @Override
    public void close() throws BackingStoreException {
        background.close();
        project.close();
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    /** Waits (up to 20 s) for the condition, checked on the FX thread after pending events. */
    public static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return WaitForAsyncUtils.asyncFx(condition).get();
        });
    }

    /** Waits for layout to settle and asserts that no visible label or column header under the node is cut. */
    public static void assertNothingElided(Node root) throws Exception {
        try {
            waitFor(() -> elidedLabels(root).isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            org.assertj.core.api.Assertions.assertThat(WaitForAsyncUtils.asyncFx(() -> elidedLabels(root)).get()).isEmpty();
        }
    }

    /** Every visible label under the node whose drawn text is cut, with where it is. */
    public static List<String> elidedLabels(Node root) {
        List<String> out = new ArrayList<>();
        for (Node n : root.lookupAll(".label")) {
            if (n instanceof Label l && l.isVisible() && visibleUpwards(l) && ColumnFit.isElided(l)) {
                out.add(l.getText());
            }
        }
        // What a drop-down shows: squeezed by its toolbar it read "0..." or nothing at all.
        for (Node n : root.lookupAll(".combo-box")) {
            if (n instanceof javafx.scene.control.ComboBox<?> box && visibleUpwards(box)
                    && box.getSkin() instanceof javafx.scene.control.skin.ComboBoxListViewSkin<?> skin
                    && skin.getDisplayNode() instanceof javafx.scene.control.Labeled shown && ColumnFit.isElided(shown)) {
                out.add("drop-down " + box.getId() + ": " + shown.getText());
            }
        }
        return out;
    }

    private static boolean visibleUpwards(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
