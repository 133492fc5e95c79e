package dev.lrrecsys.workbench.ui.tasks;

import dev.lrrecsys.workbench.task.TrackedTask;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/** Every job started in this window, newest first, with its live state; finished ones can be cleared. */
public final class TaskPanelViewModel {

    private final ObservableList<TaskItem> items = FXCollections.observableArrayList();
    private final Consumer<Runnable> uiThread;

    /** @param uiThread how to get onto the UI thread (Platform::runLater in the window, Runnable::run in tests) */
    public TaskPanelViewModel(Consumer<Runnable> uiThread) {
        this.uiThread = uiThread;
    }

    /** Called from whichever thread submitted the task. */
    public void track(TrackedTask<?> task) {
        uiThread.accept(() -> {
            TaskItem item = new TaskItem(task);
            items.add(0, item);
            task.addListener(s -> uiThread.accept(() -> item.update(s)));
            // The task may have moved on between creating the item and adding the listener.
            item.update(task.snapshot());
        });
    }

    public void clearFinished() {
        items.removeIf(i -> i.stateProperty().get().isFinished());
    }

    public ObservableList<TaskItem> items() {
        return items;
    }
}
