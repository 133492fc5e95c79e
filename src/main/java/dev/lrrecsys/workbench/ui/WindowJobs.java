package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TrackedTask;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The window's task-running glue: a job that changes the project's data runs in the task panel, the open views
 * reload when it finishes, and a failure (not a cancel, which the task panel already shows) opens the error dialog.
 */
public final class WindowJobs {

    private final Background background;
    private final Runnable refreshViews;
    private final BiConsumer<String, Throwable> errors;

    public WindowJobs(Background background, Runnable refreshViews, BiConsumer<String, Throwable> errors) {
        this.background = background;
        this.refreshViews = refreshViews;
        this.errors = errors;
    }

    /** Starts the job; open views reload when it succeeds. */
    public <R> TrackedTask<R> run(Job<R> job) {
        return run(job, r -> { });
    }

    /** Starts the job; open views reload when it ends, then {@code then} sees its result. */
    public <R> TrackedTask<R> run(Job<R> job, Consumer<R> then) {
        return background.start(job, r -> {
            refreshViews.run();
            then.accept(r);
        }, e -> {
            refreshViews.run();
            if (!(e instanceof CancelledException)) {
                errors.accept(job.title(), e);
            }
        });
    }

    /** Reports a failure of an action (settings refused before anything ran, for example). */
    public void fail(String action, Throwable error) {
        errors.accept(action, error);
    }

    public Background background() {
        return background;
    }
}
