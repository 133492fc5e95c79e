package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

/** A view's query as a job: one read-only unit of work against the project database. */
public record ReadJob<R>(String title, Database database, Database.Work<R> work) implements Job<R> {

    @Override
    public R run(TaskContext context) {
        return database.read(work);
    }
}
