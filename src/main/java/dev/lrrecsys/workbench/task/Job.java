package dev.lrrecsys.workbench.task;

/**
 * One long-running unit of work (import, generation, training...), run the same way by the CLI and the UI.
 * Implementations commit in batches so that a cancelled or killed job keeps what it finished.
 */
public interface Job<R> {

    /** Short human title, e.g. "Import restaurant-consumer". */
    String title();

    R run(TaskContext context) throws Exception;
}
