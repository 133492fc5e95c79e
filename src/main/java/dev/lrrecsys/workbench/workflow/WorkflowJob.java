package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

/** A workflow step as a {@link Job}: a title for the task panel or console and the work itself. */
record WorkflowJob<R>(String title, Body<R> body) implements Job<R> {

    /** The work. */
    @FunctionalInterface
    interface Body<R> {
        R run(TaskContext context) throws Exception;
    }

    @Override
    public R run(TaskContext context) throws Exception {
        return body.run(context);
    }
}
