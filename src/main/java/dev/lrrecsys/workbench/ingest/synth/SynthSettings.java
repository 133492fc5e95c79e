package dev.lrrecsys.workbench.ingest.synth;

import dev.lrrecsys.workbench.WorkbenchException;

/** The size and seed of a synthetic restaurant world, checked before anything is written. */
public record SynthSettings(int consumers, int products, long interactions, long seed) {

    public SynthSettings {
        if (consumers < 1) {
            throw new WorkbenchException("--consumers must be at least 1 (got " + consumers + ").");
        }
        if (products < 2) {
            throw new WorkbenchException("--products must be at least 2 (got " + products + ").");
        }
        if (interactions < consumers) {
            throw new WorkbenchException("--interactions (" + interactions + ") must be at least --consumers ("
                    + consumers + "): every consumer visits at least one restaurant.");
        }
        if (interactions > (long) consumers * products) {
            throw new WorkbenchException("--interactions (" + interactions + ") cannot exceed --consumers x --products ("
                    + (long) consumers * products + "): a consumer visits each restaurant at most once.");
        }
    }
}
