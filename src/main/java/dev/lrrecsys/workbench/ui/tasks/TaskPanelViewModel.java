package dev.lrrecsys.workbench.ui.tasks;

import dev.lrrecsys.workbench.task.TrackedTask;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * Every job started in this window, newest first, with its live state; finished ones can be cleared. The task bar
 * shows one of them, {@link #currentProperty() the current task}: the newest that has not finished, else the newest.
 */
public final class TaskPanelViewModel {

    private final ObservableList<TaskItem> items = FXCollections.observableArrayList();
    private final Consumer<Runnable> uiThread;
    private final ObjectProperty<TaskItem> current = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("Tasks");
    private final BooleanProperty expanded = new SimpleBooleanProperty();

    /** @param uiThread how to get onto the UI thread (Platform::runLater in the window, Runnable::run in tests) */
    public TaskPanelViewModel(Consumer<Runnable> uiThread) {
        this.uiThread = uiThread;
        items.addListener((javafx.collections.ListChangeListener<TaskItem>) c -> refresh());
    }

    /** Called from whichever thread submitted the task. */
    public void track(TrackedTask<?> task) {
        uiThread.accept(() -> {
            TaskItem item = new TaskItem(task);
            item.stateProperty().addListener((o, was, now) -> refresh());
            items.add(0, item);
            task.addListener(s -> uiThread.accept(() -> item.update(s)));
            // The task may have moved on between creating the item and adding the listener.
            item.update(task.snapshot());
        });
    }

    private void refresh() {
        TaskItem pick = items.stream().filter(i -> !i.stateProperty().get().isFinished()).findFirst()
                .orElse(items.isEmpty() ? null : items.get(0));
        if (current.get() != pick) {
            current.set(pick);
        }
        long running = items.stream().filter(i -> !i.stateProperty().get().isFinished()).count();
        summary.set(items.isEmpty() ? "Tasks" : running > 0 ? "Tasks: " + running + " running of " + items.size()
                : "Tasks: " + items.size());
    }

    public void clearFinished() {
        items.removeIf(i -> i.stateProperty().get().isFinished());
    }

    public ObservableList<TaskItem> items() {
        return items;
    }

    /** The task the bar shows: the newest not finished, else the newest; null when the list is empty. */
    public ReadOnlyObjectProperty<TaskItem> currentProperty() {
        return current;
    }

    /** "Tasks", "Tasks: 3", or "Tasks: 1 running of 3": the toggle's text. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** Whether the list of every task is open above the bar. */
    public BooleanProperty expandedProperty() {
        return expanded;
    }
}
