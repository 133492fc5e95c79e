package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

/** A short window action (open a project, export a file) given a title so it shows in the task panel. */
public record NamedJob<R>(String title, Body<R> body) implements Job<R> {

    /** The action itself. */
    @FunctionalInterface
    public interface Body<R> {
        R run(TaskContext context) throws Exception;
    }

    @Override
    public R run(TaskContext context) throws Exception {
        return body.run(context);
    }
}
