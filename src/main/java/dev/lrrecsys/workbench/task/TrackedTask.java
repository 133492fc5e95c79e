package dev.lrrecsys.workbench.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A job together with its live state: the {@link TaskContext} it runs against, its rate and ETA, cancel,
 * and its outcome. Listeners get a snapshot on every change, throttled for progress updates.
 */
public final class TrackedTask<R> implements TaskContext {

    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final Job<R> job;
    private final LongSupplier clock;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final List<Consumer<TaskSnapshot>> listeners = new CopyOnWriteArrayList<>();

    private volatile TaskState state = TaskState.WAITING;
    private volatile long done;
    private volatile long total;
    private volatile String message = "";
    private volatile String error;
    private volatile R result;
    private volatile Throwable failure;
    private volatile long phaseStartNanos;
    private volatile long phaseStartDone;
    private volatile int phases = 1;
    /** Declared phases' weights (null when the job declared none), the current one, and whether its first count is due. */
    private volatile double[] weights;
    private volatile int planned;
    private volatile boolean baselineDue;
    private long lastNotifyNanos;

    public TrackedTask(Job<R> job) {
        this(job, System::nanoTime);
    }

    TrackedTask(Job<R> job, LongSupplier clock) {
        this.job = job;
        this.clock = clock;
    }

    public void addListener(Consumer<TaskSnapshot> listener) {
        listeners.add(listener);
    }

    /** Runs the job on the calling thread and records its outcome; never throws. */
    public TrackedTask<R> runHere() {
        phaseStartNanos = clock.getAsLong();
        if (cancelRequested.get()) {
            // Cancelled while waiting in the queue: the job never starts.
            state = TaskState.CANCELLED;
            message = "Cancelled";
            notifyListeners(true);
            return this;
        }
        state = TaskState.RUNNING;
        notifyListeners(true);
        try {
            result = job.run(this);
            state = cancelRequested.get() ? TaskState.CANCELLED : TaskState.SUCCEEDED;
        } catch (CancelledException e) {
            state = TaskState.CANCELLED;
            message = "Cancelled";
        } catch (Throwable e) {
            failure = e;
            error = describe(e);
            state = TaskState.FAILED;
        }
        notifyListeners(true);
        return this;
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }

    /** Asks the job to stop at its next check; listeners hear of it at once (the panel shows "Cancelling..."). */
    public void cancel() {
        if (!cancelRequested.getAndSet(true) && !state.isFinished()) {
            notifyListeners(true);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelRequested.get();
    }

    @Override
    public void plan(double... weights) {
        if (this.weights == null) {
            this.weights = weights.clone();
        }
    }

    @Override
    public void phase(int index) {
        if (weights != null && index >= 0 && index < weights.length) {
            planned = index;
            phaseStartNanos = clock.getAsLong();
            // The phase's first report sets where and when its counts start (a resumed phase starts at what it kept).
            baselineDue = true;
            notifyListeners(true);
        }
    }

    @Override
    public void progress(long done, long total, String message) {
        if (baselineDue) {
            baselineDue = false;
            phaseStartDone = done;
            phaseStartNanos = clock.getAsLong();
        } else if (this.total > 0 && (total != this.total || done < this.done)) {
            // A job that runs sub-jobs (an autoencoder before the training runs) reports each one's own counts: a new
            // total, or counts going back, starts a phase, and the rate is measured within it.
            phases++;
            phaseStartNanos = clock.getAsLong();
            phaseStartDone = done;
        }
        this.done = done;
        this.total = total;
        if (message != null) {
            this.message = message;
        }
        notifyListeners(false);
    }

    @Override
    public void message(String message) {
        this.message = message;
        notifyListeners(false);
    }

    private void notifyListeners(boolean force) {
        long now = clock.getAsLong();
        synchronized (this) {
            if (!force && now - lastNotifyNanos < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            lastNotifyNanos = now;
        }
        TaskSnapshot snapshot = snapshot();
        for (Consumer<TaskSnapshot> listener : listeners) {
            listener.accept(snapshot);
        }
    }

    public TaskSnapshot snapshot() {
        double seconds = (clock.getAsLong() - phaseStartNanos) / 1e9;
        long d = done;
        long t = total;
        long inPhase = d - phaseStartDone;
        double rate = seconds > 0 && inPhase > 0 ? inPhase / seconds : Double.NaN;
        double[] w = weights;
        if (w != null) {
            boolean fresh = baselineDue;
            return new TaskSnapshot(job.title(), state, d, t, message, fresh ? Double.NaN : rate,
                    fresh ? Double.NaN : plannedEta(w, planned, d, t, phaseStartDone, rate),
                    error, jobFraction(w, planned, fresh ? 0 : d, fresh ? 0 : t, fresh ? 0 : phaseStartDone));
        }
        // Once a job has shown a second phase, one phase's remaining time is not the job's: no ETA rather than a wrong one.
        double eta = t > 0 && rate > 0 && phases == 1 ? (t - d) / rate : Double.NaN;
        return new TaskSnapshot(job.title(), state, d, t, message, rate, eta, error);
    }

    /**
     * Seconds left of a job with declared phases: the current phase's rest at its measured rate, plus the later phases
     * at the seconds per unit of weight the current phase shows (its expected length over its weight).
     */
    static double plannedEta(double[] weights, int phase, long done, long total, long startDone, double rate) {
        if (total <= 0 || !(rate > 0)) {
            return Double.NaN;
        }
        double rest = Math.max(0, total - done) / rate;
        double later = 0;
        for (int j = phase + 1; j < weights.length; j++) {
            later += weights[j];
        }
        if (later == 0) {
            return rest;
        }
        if (weights[phase] <= 0) {
            return Double.NaN;
        }
        double phaseSeconds = Math.max(0, total - startDone) / rate;
        return rest + phaseSeconds / weights[phase] * later;
    }

    /** The share of the job done: the earlier phases' weights, plus the current one's times its counts' progress. */
    static double jobFraction(double[] weights, int phase, long done, long total, long startDone) {
        double sum = 0;
        double before = 0;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j];
            if (j < phase) {
                before += weights[j];
            }
        }
        if (sum <= 0) {
            return -1;
        }
        double inPhase = total <= 0 ? 0 : total <= startDone ? 1 : Math.min(1, Math.max(0, (double) (done - startDone) / (total - startDone)));
        return Math.min(1, (before + weights[phase] * inPhase) / sum);
    }

    public Job<R> job() {
        return job;
    }

    public TaskState state() {
        return state;
    }

    public R result() {
        return result;
    }

    /** The exception that failed the job, or null. */
    public Throwable failure() {
        return failure;
    }
}
