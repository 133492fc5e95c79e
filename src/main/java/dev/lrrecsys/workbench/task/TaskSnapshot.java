package dev.lrrecsys.workbench.task;

/**
 * An immutable view of a task at one moment, for the task panel and the console.
 *
 * @param ratePerSecond units per second since the task started (NaN until measurable)
 * @param etaSeconds    seconds left at that rate (NaN when unknown)
 */
public record TaskSnapshot(String title, TaskState state, long done, long total, String message,
                           double ratePerSecond, double etaSeconds, String error) {

    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : -1;
    }
}
