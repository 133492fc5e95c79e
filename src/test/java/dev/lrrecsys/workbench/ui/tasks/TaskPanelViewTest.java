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
        ListView<?> list = robot.lookup(".list-view").queryAs(ListView.class);
        waitFor(() -> {
            Bounds b = cancel.localToScene(cancel.getBoundsInLocal());
            Bounds l = list.localToScene(list.getBoundsInLocal());
            return b.getWidth() > 0 && b.getMaxX() <= l.getMaxX() && !cancel.isDisabled();
        });
        assertThat(cancel.getHeight()).isLessThanOrEqualTo(TaskPanelView.ROW_HEIGHT);
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
}
