package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.lrrecsys.workbench.ui.WindowFixture.find;
import static dev.lrrecsys.workbench.ui.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The main window's own behaviour, headless: quitting while tasks run, the navigator and the View menu. */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.Tag("slow")
class MainWindowTest {

    @TempDir
    Path home;

    private WindowFixture fixture;
    private MainWindowView window;
    private Stage stage;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<TrackedTask<?>> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = WindowFixture.show(stage, home);
        window = fixture.window();
    }

    @AfterEach
    void closeWindow(FxRobot robot) throws Exception {
        release.countDown();
        // Let the slow job end by itself: closing the window interrupts what still runs.
        waitFor(() -> started.stream().allMatch(t -> t.state().isFinished()));
        fixture.close(robot);
    }

    @Test
    void quittingWhileATaskRunsAsksThenCancelsItAndCloses(FxRobot robot) throws Exception {
        TrackedTask<?> task = startSlowJob(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);

        DialogPane prompt = find(robot, ".dialog-pane", DialogPane.class);
        assertThat(prompt.getHeaderText()).isEqualTo("1 task running: cancel it and quit?");
        assertThat(prompt.getContentText()).startsWith("Wait for a latch");
        robot.clickOn((Node) prompt.lookupButton(QuitGuard.CANCEL_AND_QUIT));

        waitFor(() -> task.state() == TaskState.CANCELLED);
        waitFor(() -> !stage.isShowing());
    }

    @Test
    void choosingCancelKeepsTheWindowAndTheTask(FxRobot robot) throws Exception {
        TrackedTask<?> task = startSlowJob(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);

        DialogPane prompt = find(robot, ".dialog-pane", DialogPane.class);
        robot.clickOn((Node) prompt.lookupButton(ButtonType.CANCEL));

        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(stage.isShowing()).isTrue();
        assertThat(task.state()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void closingTheWindowWhileATaskRunsAsksToo(FxRobot robot) throws Exception {
        TrackedTask<?> task = startSlowJob(robot);
        // As the window manager's close button does; not through interact, which would wait for the prompt to close.
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));

        DialogPane prompt = find(robot, ".dialog-pane", DialogPane.class);
        assertThat(prompt.getHeaderText()).isEqualTo("1 task running: cancel it and quit?");
        robot.clickOn((Node) prompt.lookupButton(ButtonType.CANCEL));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(stage.isShowing()).isTrue();
        assertThat(task.state()).isEqualTo(TaskState.RUNNING);
    }

    /** What the old two-row task panel left the views at 1024x700: about 470 px (ViewStage.HEIGHT). */
    static final double MIN_VIEW_HEIGHT_AT_1024X700 = 590;

    @Test
    void at1024x700TheTaskBarTakesOneLineAndNothingIsCut(FxRobot robot) throws Exception {
        robot.interact(() -> window.viewModel().create(home.resolve("project")));
        waitFor(() -> window.viewModel().project() != null);
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        startSlowJob(robot);
        robot.interact(() -> window.show(ViewKind.RUNS));
        TabPane tabs = find(robot, "#viewTabs", TabPane.class);
        Node bar = find(robot, "#taskBar", Node.class);
        Node cancel = find(robot, "#currentTask .cancel-task", Node.class);
        waitFor(() -> stage.getScene().getHeight() == 700 && !cancel.isDisabled());
        // The views keep the window's height: the task bar is one line, its list closed.
        assertThat(tabs.getHeight()).isGreaterThanOrEqualTo(MIN_VIEW_HEIGHT_AT_1024X700);
        assertThat(bar.getLayoutBounds().getHeight()).isLessThanOrEqualTo(36);
        javafx.geometry.Bounds c = cancel.localToScene(cancel.getLayoutBounds());
        assertThat(c.getMaxX()).isLessThanOrEqualTo(1024);
        assertThat(c.getMaxY()).isLessThanOrEqualTo(700);
        // Tab headers, navigator, task bar (its job message aside, which may be cut and is whole in a tooltip) and
        // status line: nothing shown with "...".
        assertNothingCut();

        // Opened, the list shows every task (up to four lines) and the views still keep most of the height.
        robot.clickOn(find(robot, "#taskListToggle", Node.class));
        Node list = find(robot, "#taskList", Node.class);
        waitFor(() -> list.getLayoutBounds().getHeight() > 0);
        assertThat(tabs.getHeight()).isGreaterThanOrEqualTo(MIN_VIEW_HEIGHT_AT_1024X700 - 60); // one task: one line of list
        assertNothingCut();
    }

    private void assertNothingCut() throws Exception {
        try {
            waitFor(() -> cutTexts(stage.getScene().getRoot()).isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> cutTexts(stage.getScene().getRoot())).get()).isEmpty();
        }
    }

    private static List<String> cutTexts(javafx.scene.Parent root) {
        return root.lookupAll(".label").stream()
                .filter(n -> n instanceof javafx.scene.control.Label l && l.getScene() != null && shown(l)
                        && !l.getStyleClass().contains("task-message") && ColumnFit.isElided(l))
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void quittingWithNothingRunningDoesNotAsk(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        waitFor(() -> !stage.isShowing());
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    }

    @Test
    void theNavigatorFollowsTheTabsAndCtrlDigitsFollowTheNavigator(FxRobot robot) throws Exception {
        robot.interact(() -> window.viewModel().create(home.resolve("project")));
        waitFor(() -> window.viewModel().project() != null);
        @SuppressWarnings("unchecked")
        TreeView<Object> navigator = find(robot, "#navigator", TreeView.class);
        TabPane tabs = find(robot, "#viewTabs", TabPane.class);
        waitFor(() -> navigator.getSelectionModel().getSelectedItem() != null);
        assertThat(navigator.getSelectionModel().getSelectedItem().getValue()).isEqualTo(ViewKind.DATASET);

        // The View menu lists the navigator's entries in its order, with Ctrl+1 for the first.
        List<Object> entries = navigator.getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream())
                .map(TreeItem::getValue).toList();
        Menu view = find(robot, "#mainWindow", javafx.scene.layout.BorderPane.class).getTop() instanceof MenuBar bar
                ? bar.getMenus().get(1) : null;
        assertThat(view).isNotNull();
        List<MenuItem> items = view.getItems().stream().filter(i -> i.getId() != null && i.getId().startsWith("view-")).toList();
        assertThat(items.get(0).getText()).isEqualTo("Start");
        assertThat(items.get(0).getAccelerator()).isEqualTo(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        for (int i = 0; i < entries.size(); i++) {
            assertThat(items.get(i + 1).getText()).isEqualTo(entries.get(i).toString());
            assertThat(items.get(i + 1).getAccelerator())
                    .isEqualTo(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN));
        }

        // Ctrl+3 opens the navigator's third entry, and the navigator selects it.
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        waitFor(() -> tabs.getSelectionModel().getSelectedItem().getText().equals(entries.get(2).toString()));
        assertThat(navigator.getSelectionModel().getSelectedItem().getValue()).isEqualTo(entries.get(2));

        // Choosing a tab directly moves the navigator to its entry; the start screen has none.
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().equals(ViewKind.DATASET.title())).findFirst().orElseThrow()));
        assertThat(navigator.getSelectionModel().getSelectedItem().getValue()).isEqualTo(ViewKind.DATASET);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        waitFor(() -> tabs.getSelectionModel().getSelectedItem().getText().equals(ViewKind.START.title()));
        assertThat(navigator.getSelectionModel().getSelectedItem()).isNull();
    }

    @Test
    void importDatasetIsOfferedWithNoProjectAndEveryMenuEntryHasItsOwnMnemonic(FxRobot robot) throws Exception {
        MenuBar bar = menuBar(robot);
        MenuItem importItem = bar.getMenus().get(0).getItems().stream()
                .filter(i -> "_Import dataset...".equals(i.getText())).findFirst().orElseThrow();
        assertThat(window.viewModel().project()).isNull();
        assertThat(importItem.isDisable()).isFalse();

        assertThat(bar.getMenus()).extracting(Menu::getText).containsExactly("_File", "_View", "_Run", "_Help");
        for (Menu menu : bar.getMenus()) {
            List<Character> letters = menu.getItems().stream()
                    .filter(i -> i.getText() != null && !(i.getId() != null && i.getId().startsWith("view-")))
                    .map(i -> {
                        int at = i.getText().indexOf('_');
                        assertThat(at).as(i.getText()).isGreaterThanOrEqualTo(0);
                        assertThat(i.isMnemonicParsing()).isTrue();
                        return Character.toLowerCase(i.getText().charAt(at + 1));
                    }).toList();
            assertThat(letters).as(menu.getText()).doesNotHaveDuplicates();
        }
    }

    @Test
    void keyboardShortcutsListEveryAcceleratorOfTheMenus(FxRobot robot) throws Exception {
        MenuBar bar = menuBar(robot);
        long accelerators = bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> i.getAccelerator() != null).count();
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<ShortcutsDialog.Shortcut> table = find(robot, "#shortcutsTable", javafx.scene.control.TableView.class);
        assertThat(table.getItems()).hasSize((int) accelerators).hasSizeGreaterThan(20);
        assertThat(table.getItems()).contains(new ShortcutsDialog.Shortcut("File > Quit", "Ctrl+Q"),
                new ShortcutsDialog.Shortcut("View > Case workbench", "Ctrl+9"),
                new ShortcutsDialog.Shortcut("Help > Keyboard shortcuts", "Ctrl+/"));
    }

    @Test
    void documentationShowsTheReadmeAndTheDocsPages(FxRobot robot) throws Exception {
        MenuItem docs = menuBar(robot).getMenus().get(3).getItems().stream()
                .filter(i -> "documentationItem".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(docs::fire);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<Path> pages = find(robot, "#docPages", javafx.scene.control.ListView.class);
        assertThat(pages.getItems().get(0).getFileName().toString()).isEqualTo("README.md");
        assertThat(pages.getItems()).extracting(p -> p.getFileName().toString()).contains("ui.md", "models.md");
        javafx.scene.control.TextArea text = find(robot, "#docText", javafx.scene.control.TextArea.class);
        assertThat(text.getText()).contains("## Models");
    }

    private static MenuBar menuBar(FxRobot robot) throws Exception {
        return find(robot, "#menuBar", MenuBar.class);
    }

    private TrackedTask<?> startSlowJob(FxRobot robot) throws Exception {
        TrackedTask<?>[] task = new TrackedTask<?>[1];
        robot.interact(() -> task[0] = window.runJob(new WaitForLatch(release)));
        started.add(task[0]);
        waitFor(() -> task[0].state() == TaskState.RUNNING);
        return task[0];
    }

    /** A job that waits for the test to release it, checking for cancellation as long jobs do. */
    private record WaitForLatch(CountDownLatch release) implements Job<Void> {
        @Override
        public String title() {
            return "Wait for a latch";
        }

        @Override
        public Void run(TaskContext context) throws InterruptedException {
            while (!release.await(10, TimeUnit.MILLISECONDS)) {
                context.checkCancelled();
            }
            return null;
        }
    }
}
