package dev.lrrecsys.workbench.task;

/**
 * A job made of phases that count in their own units (an autoencoder's epochs, then the runs' epochs; prompts, then
 * indexed explanations), weighted by their expected share of the job's time, so that the runner can give an ETA for
 * the whole job instead of one phase's. The weights are estimates; the runner measures the current phase's speed and
 * extrapolates the phases still to come from it through their weights, so the ETA is exact in the last phase.
 *
 * <pre>
 * JobPhases phases = JobPhases.plan(context, autoencoderWeight, trainingWeight);
 * codes.ensure(..., phases.enter(0));
 * train(..., phases.enter(1));
 * </pre>
 */
public final class JobPhases {

    private final TaskContext context;
    private final int count;

    private JobPhases(TaskContext context, int count) {
        this.context = context;
        this.count = count;
    }

    /** Declares the phases' weights to the context (non-negative; 0 for a phase that will not run). */
    public static JobPhases plan(TaskContext context, double... weights) {
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("phase weights must be finite and non-negative: " + w);
            }
        }
        context.plan(weights.clone());
        return new JobPhases(context, weights.length);
    }

    /**
     * Enters phase {@code index} and returns the context its work reports to: its counts are the phase's own. A plan
     * made by work inside the phase (a sub-job with phases of its own) is ignored: the outer plan describes the job.
     */
    public TaskContext enter(int index) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("no phase " + index + " of " + count);
        }
        context.phase(index);
        return new TaskContext() {
            @Override public void progress(long done, long total, String message) { context.progress(done, total, message); }
            @Override public void message(String message) { context.message(message); }
            @Override public boolean isCancelled() { return context.isCancelled(); }
        };
    }
}
