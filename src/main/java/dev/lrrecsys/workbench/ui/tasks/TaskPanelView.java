package dev.lrrecsys.workbench.ui.tasks;

import dev.lrrecsys.workbench.ui.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The task bar at the bottom of the window: one line for the task that matters now (the newest running one, else the
 * newest finished), with its progress, ETA and Cancel; a toggle opens the list of every task above it (one line each,
 * at most {@link #VISIBLE_ROWS} in sight). Collapsed, it takes one line, so the views keep the window's height.
 */
public final class TaskPanelView extends BorderPane {

    static final double ROW_HEIGHT = 30;
    static final int VISIBLE_ROWS = 4;
    private final TaskPanelViewModel viewModel;
    private final ListView<TaskItem> list = new ListView<>();

    public TaskPanelView(TaskPanelViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(Styles.TASK_PANEL);
        setId("taskPanel");
        list.setId("taskList");
        list.setItems(viewModel.items());
        list.setCellFactory(l -> new TaskCell());
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPlaceholder(new Label("No tasks yet: jobs you start (import, generation, training...) show up here."));
        // As tall as its rows, up to VISIBLE_ROWS (then it scrolls).
        list.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(1, Math.min(VISIBLE_ROWS, viewModel.items().size())) * ROW_HEIGHT + 2, viewModel.items()));
        list.setMaxHeight(Region.USE_PREF_SIZE);

        ToggleButton toggle = new ToggleButton();
        toggle.setId("taskListToggle");
        toggle.textProperty().bind(viewModel.summaryProperty());
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.selectedProperty().bindBidirectional(viewModel.expandedProperty());
        toggle.setTooltip(new Tooltip("Show or hide the list of every task"));
        toggle.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);

        TaskRow current = new TaskRow();
        current.setId("currentTask");
        Label idle = new Label("No tasks yet: jobs you start (import, generation, training...) show up here.");
        idle.getStyleClass().add("task-idle");
        idle.setMinWidth(0);
        StackPane currentHost = new StackPane(idle, current);
        currentHost.setAlignment(Pos.CENTER_LEFT);
        currentHost.setMinWidth(0);
        HBox.setHgrow(currentHost, Priority.ALWAYS);
        viewModel.currentProperty().addListener((o, was, now) -> showCurrent(current, idle, now));
        showCurrent(current, idle, viewModel.currentProperty().get());

        Button clear = new Button("Clear finished");
        clear.setId("clearFinishedTasks");
        clear.setTooltip(new Tooltip("Remove finished, failed and cancelled tasks from the list"));
        clear.setOnAction(e -> viewModel.clearFinished());
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);

        HBox bar = new HBox(8, toggle, currentHost, clear);
        bar.setId("taskBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        bar.setMinHeight(ROW_HEIGHT);
        bar.setPrefHeight(ROW_HEIGHT);
        setCenter(bar);
        viewModel.expandedProperty().addListener((o, was, now) -> setTop(now ? list : null));
        setTop(viewModel.expandedProperty().get() ? list : null);
    }

    private static void showCurrent(TaskRow row, Label idle, TaskItem item) {
        row.show(item);
        row.setVisible(item != null);
        idle.setVisible(item == null);
    }

    public TaskPanelViewModel viewModel() {
        return viewModel;
    }

    private static final class TaskCell extends ListCell<TaskItem> {
        private final TaskRow row = new TaskRow();

        TaskCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TaskItem item, boolean empty) {
            super.updateItem(item, empty);
            row.show(empty ? null : item);
            setGraphic(empty || item == null ? null : row);
        }
    }
}
