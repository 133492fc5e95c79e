package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TrackedTask;

import java.util.function.Consumer;

/**
 * Where view models send work: user jobs (listed in the task panel) and view queries (not listed). Callbacks
 * arrive on the UI thread. Tests use a synchronous implementation.
 */
public interface Background {

    /** A user-visible job: listed in the task panel with progress and a cancel button. */
    <R> TrackedTask<R> start(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure);

    /** A quick read for a view (a page, a chart's data): not listed; failures go to {@code onFailure}. */
    <R> void load(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure);
}
