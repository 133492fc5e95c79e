package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskSnapshot;
import dev.lrrecsys.workbench.task.TaskState;
import dev.lrrecsys.workbench.task.TrackedTask;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Runs a job in the foreground of a command, printing progress lines (done/total, rate, ETA) to stderr
 * at most every half second, and turns Ctrl-C into a cancel.
 */
public final class ConsoleProgress {

    private static final long PRINT_INTERVAL_NANOS = 500_000_000L;

    private ConsoleProgress() {
    }

    /** Runs the job; returns its result, or throws its failure (cancelled jobs throw too). */
    public static <R> R run(Job<R> job, PrintWriter err) {
        TrackedTask<R> task = new TrackedTask<>(job);
        long[] lastPrint = {0};
        task.addListener(s -> {
            long now = System.nanoTime();
            if (s.state() == TaskState.RUNNING && now - lastPrint[0] >= PRINT_INTERVAL_NANOS && (s.done() > 0 || !s.message().isEmpty())) {
                lastPrint[0] = now;
                err.println(format(s));
                err.flush();
            }
        });
        Thread hook = new Thread(task::cancel, "lrw-cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            task.runHere();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting (Ctrl-C): the hook has cancelled the job.
            }
        }
        return switch (task.state()) {
            case SUCCEEDED -> task.result();
            case CANCELLED -> throw new WorkbenchException(job.title() + " was cancelled; what was committed is kept.");
            default -> throw rethrow(task.failure());
        };
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new WorkbenchException(t.getMessage() == null ? t.toString() : t.getMessage(), t);
    }

    static String format(TaskSnapshot s) {
        StringBuilder b = new StringBuilder(s.title()).append(": ");
        if (s.total() > 0) {
            b.append(s.done()).append('/').append(s.total())
                    .append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * s.fraction()));
        } else if (s.done() > 0) {
            b.append(s.done());
        }
        if (s.jobFraction() >= 0) {
            b.append(String.format(Locale.ROOT, ", job %.0f%%", 100.0 * s.jobFraction()));
        }
        if (!Double.isNaN(s.ratePerSecond())) {
            b.append(String.format(Locale.ROOT, ", %.0f/s", s.ratePerSecond()));
        }
        if (!Double.isNaN(s.etaSeconds())) {
            b.append(", ETA ").append(formatSeconds(s.etaSeconds()));
        }
        if (!s.message().isEmpty()) {
            b.append(" - ").append(s.message());
        }
        return b.toString();
    }

    static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
