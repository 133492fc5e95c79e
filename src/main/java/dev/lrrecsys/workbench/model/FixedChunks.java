package dev.lrrecsys.workbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cuts a range into at most {@value #COUNT} fixed parts and runs them on a small pool. The cut depends only on
 * the range's length, never on the thread count, so results summed part by part in part order are the same bits
 * on any number of threads.
 */
final class FixedChunks implements AutoCloseable {

    static final int COUNT = 4;

    /** Work on part {@code part} covering {@code [lo, hi)}. */
    interface Part {
        void run(int part, int lo, int hi);
    }

    private final ExecutorService pool;

    FixedChunks(int threads) {
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(Math.min(threads, COUNT), daemonThreads());
    }

    /** How many parts {@link #run} cuts a range of {@code n} into (at least one). */
    static int parts(int n) {
        return Math.max(1, Math.min(COUNT, n));
    }

    /** Runs every part of {@code [0, n)} and returns when all are done; a part's exception is rethrown. */
    void run(int n, Part part) {
        int parts = parts(n);
        List<Callable<Void>> work = new ArrayList<>(parts);
        for (int c = 0; c < parts; c++) {
            int index = c;
            int lo = (int) ((long) n * c / parts);
            int hi = (int) ((long) n * (c + 1) / parts);
            work.add(() -> {
                part.run(index, lo, hi);
                return null;
            });
        }
        if (pool == null || parts == 1) {
            for (Callable<Void> c : work) {
                call(c);
            }
            return;
        }
        try {
            for (var f : pool.invokeAll(work)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Training was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Writes into {@code into[lo..hi)} the sum of the first {@code count} parts' arrays, added in part order (the
     * one order that keeps a summed gradient's bits independent of the thread count), and zeroes what it read,
     * so the parts are ready for the next sum without a pass of their own.
     */
    static void drainInOrder(float[][] parts, int count, float[] into, int lo, int hi) {
        float[] first = parts[0];
        for (int i = lo; i < hi; i++) {
            into[i] = first[i];
            first[i] = 0f;
        }
        for (int k = 1; k < count; k++) {
            float[] g = parts[k];
            for (int i = lo; i < hi; i++) {
                into[i] += g[i];
                g[i] = 0f;
            }
        }
    }

    private static void call(Callable<Void> c) {
        try {
            c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "lrw-train-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
