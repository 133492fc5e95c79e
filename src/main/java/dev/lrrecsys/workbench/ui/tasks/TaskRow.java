package dev.lrrecsys.workbench.ui.tasks;

import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One task on one line: title, progress bar (the whole job's where it declared phases), rate/ETA/message, outcome and
 * Cancel. Used for each row of the task list and for the task bar's summary line. Texts that do not fit are cut with
 * "..." and given whole in a tooltip; Cancel keeps its width, so it is always in sight.
 */
final class TaskRow extends HBox {

    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Label counts = new Label();
    private final Label detail = new Label();
    private final Label outcome = new Label();
    private final Button cancel = new Button("Cancel");
    /** Style class of the job's message, the one text a row may cut. */
    static final String MESSAGE = "task-message";
    private final ChangeListener<TaskState> stateListener = (o, was, now) -> styleOutcome(now);
    private TaskItem shown;

    TaskRow() {
        super(10);
        getChildren().addAll(title, bar, counts, detail, outcome, cancel);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add(Styles.TASK_ROW);
        // As wide as its container, never wider: long texts are cut and Cancel stays in sight.
        setPrefWidth(0);
        setMinWidth(0);
        // Counts, ETA, outcome and Cancel are shown whole; title and bar keep a width; the job's message takes what is
        // left over, so it is the one cut short (whole in its tooltip).
        title.setPrefWidth(180);
        title.setMinWidth(120);
        bar.setPrefWidth(120);
        bar.setMinWidth(80);
        counts.setMinWidth(Region.USE_PREF_SIZE);
        outcome.setMinWidth(Region.USE_PREF_SIZE);
        detail.setPrefWidth(0);
        detail.getStyleClass().add(MESSAGE);
        for (Label text : new Label[] {title, counts, detail, outcome}) {
            text.setTextOverrun(OverrunStyle.ELLIPSIS);
            text.setWrapText(false);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(text.textProperty());
            text.setTooltip(tip);
        }
        detail.setMinWidth(0);
        HBox.setHgrow(detail, Priority.ALWAYS);
        HBox.setHgrow(outcome, Priority.NEVER);
        detail.setMaxWidth(Double.MAX_VALUE);
        outcome.setMaxWidth(Double.MAX_VALUE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.getStyleClass().addAll("cancel-task", atlantafx.base.theme.Styles.SMALL);
        cancel.setTooltip(new Tooltip("Stop this job; what it has committed so far is kept"));
    }

    /** Shows the item (null: nothing). */
    void show(TaskItem item) {
        title.textProperty().unbind();
        bar.progressProperty().unbind();
        detail.textProperty().unbind();
        counts.textProperty().unbind();
        outcome.textProperty().unbind();
        cancel.disableProperty().unbind();
        if (shown != null) {
            shown.stateProperty().removeListener(stateListener);
            shown = null;
        }
        if (item == null) {
            return;
        }
        title.textProperty().bind(item.titleProperty());
        bar.progressProperty().bind(item.progressProperty());
        counts.textProperty().bind(item.countsProperty());
        detail.textProperty().bind(item.messageProperty());
        outcome.textProperty().bind(item.outcomeProperty());
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> item.stateProperty().get().isFinished()
                || item.cancelling(), item.stateProperty(), item.outcomeProperty()));
        cancel.setOnAction(e -> item.cancel());
        shown = item;
        item.stateProperty().addListener(stateListener);
        styleOutcome(item.stateProperty().get());
    }

    private void styleOutcome(TaskState state) {
        outcome.getStyleClass().removeAll(Styles.TASK_ERROR, Styles.TASK_DONE);
        bar.getStyleClass().remove(Styles.TASK_FAILED_BAR);
        if (state == TaskState.FAILED) {
            outcome.getStyleClass().add(Styles.TASK_ERROR);
            bar.getStyleClass().add(Styles.TASK_FAILED_BAR);
        } else if (state == TaskState.SUCCEEDED) {
            outcome.getStyleClass().add(Styles.TASK_DONE);
        }
    }
}
