package dev.lrrecsys.workbench.ui.tasks;

import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom panel: one row per job with title, progress bar, rate/ETA/message, cancel button and outcome. */
public final class TaskPanelView extends BorderPane {

    static final double ROW_HEIGHT = 30;
    private final ListView<TaskItem> list = new ListView<>();

    public TaskPanelView(TaskPanelViewModel viewModel) {
        getStyleClass().add(Styles.TASK_PANEL);
        setId("taskPanel");
        list.setItems(viewModel.items());
        list.setCellFactory(l -> new TaskCell());
        // One line a task, so the panel shows several; the full texts are in the tooltips.
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPlaceholder(new Label("No tasks yet: jobs you start (import, generation, training...) show up here."));
        Label header = new Label("Tasks");
        header.getStyleClass().add(Styles.HEADLINE);
        Button clear = new Button("Clear finished");
        clear.setId("clearFinishedTasks");
        clear.setTooltip(new Tooltip("Remove finished, failed and cancelled tasks from this list"));
        clear.setOnAction(e -> viewModel.clearFinished());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        clear.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        HBox top = new HBox(8, header, spacer, clear);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(2, 8, 2, 8));
        setTop(top);
        setCenter(list);
    }

    private static final class TaskCell extends ListCell<TaskItem> {
        private final Label title = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label detail = new Label();
        private final Label outcome = new Label();
        private final Button cancel = new Button("Cancel");
        private final HBox row = new HBox(10, title, bar, detail, outcome, cancel);
        private final javafx.beans.value.ChangeListener<TaskState> stateListener = (o, was, now) -> styleOutcome(now);
        private TaskItem shown;

        TaskCell() {
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add(Styles.TASK_ROW);
            // The cell is as wide as the list, never wider: long texts are cut with "..." and Cancel stays in sight.
            setPrefWidth(0);
            // Title and bar keep their width; the rate/message takes what is left over, so it is the one cut short.
            title.setPrefWidth(220);
            title.setMinWidth(160);
            bar.setPrefWidth(160);
            bar.setMinWidth(100);
            detail.setPrefWidth(0);
            for (Label text : new Label[] {title, detail, outcome}) {
                text.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
                text.setWrapText(false);
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(text.textProperty());
                text.setTooltip(tip);
            }
            detail.setMinWidth(0);
            outcome.setMinWidth(0);
            HBox.setHgrow(detail, Priority.ALWAYS);
            HBox.setHgrow(outcome, Priority.NEVER);
            detail.setMaxWidth(Double.MAX_VALUE);
            outcome.setMaxWidth(Double.MAX_VALUE);
            cancel.setMinWidth(Region.USE_PREF_SIZE);
            cancel.getStyleClass().addAll("cancel-task", atlantafx.base.theme.Styles.SMALL);
            cancel.setTooltip(new Tooltip("Stop this job; what it has committed so far is kept"));
        }

        @Override
        protected void updateItem(TaskItem item, boolean empty) {
            super.updateItem(item, empty);
            title.textProperty().unbind();
            bar.progressProperty().unbind();
            detail.textProperty().unbind();
            outcome.textProperty().unbind();
            cancel.disableProperty().unbind();
            if (shown != null) {
                shown.stateProperty().removeListener(stateListener);
                shown = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            title.textProperty().bind(item.titleProperty());
            bar.progressProperty().bind(item.progressProperty());
            detail.textProperty().bind(item.detailProperty());
            outcome.textProperty().bind(item.outcomeProperty());
            cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> item.stateProperty().get().isFinished()
                    || item.cancelling(), item.stateProperty(), item.outcomeProperty()));
            cancel.setOnAction(e -> item.cancel());
            shown = item;
            item.stateProperty().addListener(stateListener);
            styleOutcome(item.stateProperty().get());
            setGraphic(row);
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
}
