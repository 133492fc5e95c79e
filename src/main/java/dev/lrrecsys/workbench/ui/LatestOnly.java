package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.task.Job;

import java.util.function.Consumer;

/**
 * Loads a view's data so that only the newest request's answer is applied: typing fast in a search field
 * fires many queries, and a slow early one must not overwrite a later one.
 */
public final class LatestOnly {

    private long ticket;

    public <R> void load(Background background, Job<R> job, Consumer<R> apply, Consumer<Throwable> fail) {
        long mine = ++ticket;
        background.load(job, r -> {
            if (mine == ticket) {
                apply.accept(r);
            }
        }, e -> {
            if (mine == ticket) {
                fail.accept(e);
            }
        });
    }
}
