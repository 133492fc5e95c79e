package dev.lrrecsys.workbench.task;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs jobs on background threads and keeps every submitted task (running and finished) for the task panel.
 * The CLI runs jobs with {@link TrackedTask#runHere()} instead.
 */
public final class TaskRunner implements AutoCloseable {

    private final ExecutorService executor;
    private final List<TrackedTask<?>> tasks = new CopyOnWriteArrayList<>();
    private final List<Consumer<TrackedTask<?>>> submitListeners = new CopyOnWriteArrayList<>();

    public TaskRunner(int threads) {
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lrw-task");
            t.setDaemon(true);
            return t;
        });
    }

    public void onSubmit(Consumer<TrackedTask<?>> listener) {
        submitListeners.add(listener);
    }

    public <R> TrackedTask<R> submit(Job<R> job) {
        TrackedTask<R> task = new TrackedTask<>(job);
        tasks.add(task);
        submitListeners.forEach(l -> l.accept(task));
        executor.submit(task::runHere);
        return task;
    }

    /** Submits and returns a future completing when the job has ended, whatever the outcome. */
    public <R> Future<TrackedTask<R>> submitAndTrack(Job<R> job) {
        TrackedTask<R> task = new TrackedTask<>(job);
        tasks.add(task);
        submitListeners.forEach(l -> l.accept(task));
        return executor.submit(task::runHere);
    }

    public List<TrackedTask<?>> tasks() {
        return List.copyOf(tasks);
    }

    public void cancelAll() {
        tasks.forEach(TrackedTask::cancel);
    }

    /** The tasks that have not finished yet (waiting or running). */
    public List<TrackedTask<?>> unfinished() {
        return tasks.stream().filter(t -> !t.state().isFinished()).toList();
    }

    /**
     * Cancels every task, takes no new ones and waits up to {@code timeout} for the running ones to stop at their
     * next cancellation check; threads are not interrupted (an interrupt can close a database file mid-write).
     *
     * @return true when all have stopped in time
     */
    public boolean cancelAllAndWait(Duration timeout) throws InterruptedException {
        cancelAll();
        executor.shutdown();
        return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        cancelAll();
        executor.shutdownNow();
    }
}
