package dev.lrrecsys.workbench.model;

import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * What runs every network's forward and backward passes. On the CPU backend the hand-written kernel
 * ({@link KernelHost}: same weights, same maths, gradients checked against the graph's) is several times
 * faster than SameDiff, whose per-op bookkeeping dominates a network this small; on a GPU backend the SameDiff
 * graph runs on the device. The system property {@code lrw.engine} ({@code kernel} or {@code samediff}) overrides.
 */
public enum TrainingEngine {
    KERNEL("CPU kernel"),
    SAMEDIFF("SameDiff graph");

    private final String label;

    TrainingEngine(String label) {
        this.label = label;
    }

    /** Threads that train a network with this engine (the kernel's chunks run in parallel; SameDiff's in one). */
    public int threads() {
        return this == KERNEL ? KernelHost.defaultThreads() : 1;
    }

    /** A short name for reports: "CPU kernel" or "SameDiff graph". */
    public String label() {
        return label;
    }

    /** The engine of this process: the property's choice, else the kernel on the CPU backend and SameDiff elsewhere. */
    public static TrainingEngine current() {
        String chosen = System.getProperty("lrw.engine");
        if (chosen != null && !chosen.isBlank()) {
            return switch (chosen.trim().toLowerCase(Locale.ROOT)) {
                case "kernel" -> KERNEL;
                case "samediff" -> SAMEDIFF;
                default -> throw new IllegalArgumentException(
                        "lrw.engine must be kernel or samediff, not " + chosen);
            };
        }
        return Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu") ? KERNEL : SAMEDIFF;
    }
}
