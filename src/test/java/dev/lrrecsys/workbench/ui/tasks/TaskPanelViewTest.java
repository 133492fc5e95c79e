package dev.lrrecsys.workbench.ui.tasks;

import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;
import dev.lrrecsys.workbench.ui.Styles;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.lrrecsys.workbench.ui.ViewStage.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The task panel at the window's smallest width: one line a task, Cancel in sight however long the message. */
@ExtendWith(ApplicationExtension.class)
class TaskPanelViewTest {

    private final TaskPanelViewModel viewModel = new TaskPanelViewModel(javafx.application.Platform::runLater);
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new TaskPanelView(viewModel), 1024, 160);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void release() {
        release.countDown();
    }

    @Test
    void aLongMessageIsCutAndCancelStaysInSightThenTheRowSaysCancelling(FxRobot robot) throws Exception {
        String longMessage = "reading ".repeat(60) + "the end";
        TrackedTask<Void> task = new TrackedTask<>(new Job<>() {
            @Override public String title() { return "Import a dataset with a rather long name " + "x".repeat(80); }
            @Override public Void run(TaskContext context) throws InterruptedException {
                while (!release.await(10, TimeUnit.MILLISECONDS)) {
                    context.checkCancelled();
                    context.progress(5, 10, longMessage);
                }
                return null;
            }
        });
        viewModel.track(task);
        Thread runner = new Thread(task::runHere);
        runner.start();

        waitFor(() -> robot.lookup(".cancel-task").tryQuery().isPresent() && task.state() == TaskState.RUNNING);
        Button cancel = robot.lookup(".cancel-task").queryAs(Button.class);
        javafx.scene.Node panel = robot.lookup("#taskPanel").query();
        waitFor(() -> {
            Bounds b = cancel.localToScene(cancel.getBoundsInLocal());
            Bounds l = panel.localToScene(panel.getBoundsInLocal());
            return b.getWidth() > 0 && b.getMaxX() <= l.getMaxX() && !cancel.isDisabled();
        });
        assertThat(cancel.getHeight()).isLessThanOrEqualTo(TaskPanelView.ROW_HEIGHT);
        // Collapsed, the panel is the one line of the bar.
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.layout.Region) panel).prefHeight(1024)).get())
                .isLessThanOrEqualTo(TaskPanelView.ROW_HEIGHT + 4);
        assertThat(robot.lookup("#taskList").tryQuery()).isEmpty();
        waitFor(() -> robot.lookup(".task-row .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().contains("the end")));
        assertThat(robot.lookup(".task-row .label").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText().contains("the end") && l.getTooltip() != null
                        && l.getTooltip().getText().equals(l.getText()));

        robot.clickOn(cancel);
        waitFor(() -> robot.lookup("Cancelling...").tryQuery().isPresent() || task.state() == TaskState.CANCELLED);
        runner.join(10_000);
        waitFor(() -> robot.lookup("Cancelled: what was committed is kept").tryQuery().isPresent());
    }

    @Test
    void theBarShowsTheRunningTaskAndItsListOpensOnDemand(FxRobot robot) throws Exception {
        TrackedTask<String> finished = new TrackedTask<>(new Job<>() {
            @Override public String title() { return "Export CSV"; }
            @Override public String run(TaskContext context) { return "ok"; }
        });
        viewModel.track(finished);
        finished.runHere();
        TrackedTask<Void> running = new TrackedTask<>(new Job<>() {
            @Override public String title() { return "Train and evaluate"; }
            @Override public Void run(TaskContext context) throws InterruptedException {
                while (!release.await(10, TimeUnit.MILLISECONDS)) {
                    context.checkCancelled();
                    context.progress(1, 4, "epoch 1/4");
                }
                return null;
            }
        });
        viewModel.track(running);
        Thread runner = new Thread(running::runHere);
        runner.start();
        javafx.scene.control.ToggleButton toggle = robot.lookup("#taskListToggle").queryAs(javafx.scene.control.ToggleButton.class);
        waitFor(() -> toggle.getText().equals("Tasks: 1 running of 2"));
        waitFor(() -> robot.lookup("#currentTask .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().equals("Train and evaluate")));

        robot.clickOn(toggle);
        ListView<?> list = robot.lookup("#taskList").queryAs(ListView.class);
        waitFor(() -> list.getItems().size() == 2 && list.getHeight() > 0);
        assertThat(list.getHeight()).isLessThanOrEqualTo(TaskPanelView.VISIBLE_ROWS * TaskPanelView.ROW_HEIGHT + 2);
        // Both rows and the bar: every Cancel in sight.
        waitFor(() -> robot.lookup(".cancel-task").queryAll().size() == 3);
        assertNothingButTheMessageCut(robot.lookup("#taskBar").query());

        release.countDown();
        runner.join(10_000);
        waitFor(() -> toggle.getText().equals("Tasks: 2"));
        robot.clickOn(toggle);
        waitFor(() -> robot.lookup("#taskList").tryQuery().isEmpty());
    }

    /** The message is the one text a row may cut (whole in its tooltip); title, counts, ETA and outcome are whole. */
    static void assertNothingButTheMessageCut(javafx.scene.Node root) throws Exception {
        java.util.concurrent.Callable<java.util.List<String>> cut = () -> root.lookupAll(".label").stream()
                .filter(n -> n instanceof javafx.scene.control.Label l && l.isVisible()
                        && !l.getStyleClass().contains(TaskRow.MESSAGE) && dev.lrrecsys.workbench.ui.ColumnFit.isElided(l))
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
        try {
            waitFor(() -> cut.call().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(WaitForAsyncUtils.asyncFx(cut).get()).isEmpty();
        }
    }
}
