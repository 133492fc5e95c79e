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
    private long startNanos;
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
        startNanos = clock.getAsLong();
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

    public void cancel() {
        cancelRequested.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelRequested.get();
    }

    @Override
    public void progress(long done, long total, String message) {
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
        double seconds = (clock.getAsLong() - startNanos) / 1e9;
        long d = done;
        long t = total;
        double rate = seconds > 0 && d > 0 ? d / seconds : Double.NaN;
        double eta = t > 0 && rate > 0 ? (t - d) / rate : Double.NaN;
        return new TaskSnapshot(job.title(), state, d, t, message, rate, eta, error);
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
