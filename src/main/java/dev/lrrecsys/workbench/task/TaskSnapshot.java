package dev.lrrecsys.workbench.task;

/**
 * An immutable view of a task at one moment, for the task panel and the console.
 *
 * @param ratePerSecond units per second in the current phase (NaN until measurable)
 * @param etaSeconds    seconds left at that rate (NaN when unknown, or once the job has moved to a second phase,
 *                      whose counts say nothing of the whole job)
 */
public record TaskSnapshot(String title, TaskState state, long done, long total, String message,
                           double ratePerSecond, double etaSeconds, String error) {

    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : -1;
    }
}
