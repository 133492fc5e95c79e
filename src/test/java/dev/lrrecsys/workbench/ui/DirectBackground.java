package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;

import java.util.function.Consumer;

/** Runs every job at once on the calling thread: view models can be tested without the JavaFX toolkit. */
public final class DirectBackground implements Background {

    @Override
    public <R> TrackedTask<R> start(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
        TrackedTask<R> task = new TrackedTask<>(job).runHere();
        if (task.state() == TaskState.SUCCEEDED) {
            onSuccess.accept(task.result());
        } else if (task.state() == TaskState.FAILED) {
            onFailure.accept(task.failure());
        }
        return task;
    }

    @Override
    public <R> void load(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
        start(job, onSuccess, onFailure);
    }
}
