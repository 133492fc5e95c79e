package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskRunner;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;
import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs user jobs on a {@link TaskRunner} (which keeps them for the task panel) and view queries as
 * {@link TrackedTask}s on a small pool of their own (not kept, so page results do not pile up); outcomes are
 * handed to the JavaFX thread.
 */
public final class FxBackground implements Background, AutoCloseable {

    private final TaskRunner jobs = new TaskRunner(2);
    private final ExecutorService queries = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "lrw-query");
        t.setDaemon(true);
        return t;
    });

    public TaskRunner jobs() {
        return jobs;
    }

    @Override
    public <R> TrackedTask<R> start(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
        TrackedTask<R> task = jobs.submit(job);
        whenFinished(task, onSuccess, onFailure);
        return task;
    }

    @Override
    public <R> void load(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
        TrackedTask<R> task = new TrackedTask<>(job);
        queries.submit(() -> {
            task.runHere();
            deliver(task, onSuccess, onFailure);
        });
    }

    private static <R> void whenFinished(TrackedTask<R> task, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
        // The job may finish before the listener is added: check once after adding, and deliver only once.
        AtomicBoolean delivered = new AtomicBoolean();
        Runnable check = () -> {
            if (task.state().isFinished() && delivered.compareAndSet(false, true)) {
                deliver(task, onSuccess, onFailure);
            }
        };
        task.addListener(s -> check.run());
        check.run();
    }

    private static <R> void deliver(TrackedTask<R> t, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
        Platform.runLater(() -> {
            if (t.state() == TaskState.SUCCEEDED) {
                onSuccess.accept(t.result());
            } else if (t.state() == TaskState.FAILED) {
                onFailure.accept(t.failure());
            }
        });
    }

    @Override
    public void close() {
        jobs.close();
        queries.shutdownNow();
    }
}
