package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread count of the CPU backend for the workbench's small networks. Their tensors are tiny (batch 128
 * x dimension 8), so splitting one op across threads costs more than it saves, and on a busy machine
 * spinning OpenMP threads make every step several times slower (measured: docs/models.md). Default 1;
 * the system property {@code lrw.nd4j.threads} overrides it.
 */
final class Nd4jThreads {

    private static boolean applied;

    private Nd4jThreads() {
    }

    static synchronized void apply() {
        if (applied) {
            return;
        }
        int threads = Math.max(1, Integer.getInteger("lrw.nd4j.threads", 1));
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        applied = true;
    }
}
