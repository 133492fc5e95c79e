package dev.lrrecsys.workbench.task;

/**
 * An immutable view of a task at one moment, for the task panel and the console.
 *
 * @param ratePerSecond units per second in the current phase (NaN until measurable)
 * @param etaSeconds    seconds left for the whole job: at the current rate, plus, for a job that declared its phases
 *                      ({@link JobPhases}), the phases still to come extrapolated through their weights; NaN when
 *                      unknown, or when an undeclared second phase shows up (its counts say nothing of the whole)
 * @param jobFraction   how much of the whole job is done (0..1) for a job that declared its phases, else -1 (then
 *                      {@link #fraction()} is all there is)
 */
public record TaskSnapshot(String title, TaskState state, long done, long total, String message,
                           double ratePerSecond, double etaSeconds, String error, double jobFraction) {

    /** A snapshot of a job without declared phases. */
    public TaskSnapshot(String title, TaskState state, long done, long total, String message,
                        double ratePerSecond, double etaSeconds, String error) {
        this(title, state, done, total, message, ratePerSecond, etaSeconds, error, -1);
    }

    /** The whole job's fraction where phases were declared, else the current counts' fraction (-1 when unknown). */
    public double overallFraction() {
        return jobFraction >= 0 ? jobFraction : fraction();
    }

    /** done / total of the current counts, -1 when the total is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : -1;
    }
}
