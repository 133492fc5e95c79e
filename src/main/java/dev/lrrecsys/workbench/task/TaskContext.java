package dev.lrrecsys.workbench.task;

/**
 * What a running job sees of its runner: it reports progress and polls for cancellation (at least every
 * 100 ms of work, see ARCHITECTURE.md).
 */
public interface TaskContext {

    /** Reports that {@code done} of {@code total} units are finished; total &lt;= 0 means unknown. */
    void progress(long done, long total, String message);

    /** A free-text line for the task panel / console without changing the counts. */
    void message(String message);

    boolean isCancelled();

    /**
     * Declares that the job runs in phases, each with its own counts, and their weights: the expected share of the
     * job's time of each (any scale; 0 for a phase that will not run). The runner can then give an ETA and a
     * fraction for the whole job (see {@link JobPhases}, which jobs use instead of calling this). Ignored by
     * contexts that show no ETA.
     */
    default void plan(double... weights) {
    }

    /** Says that the job has entered phase {@code index} of its {@link #plan}; the counts that follow are its own. */
    default void phase(int index) {
    }

    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A context that never cancels and drops progress: for jobs called from other jobs' tests. */
    static TaskContext silent() {
        return new TaskContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public void message(String message) { }
            @Override public boolean isCancelled() { return false; }
        };
    }
}
