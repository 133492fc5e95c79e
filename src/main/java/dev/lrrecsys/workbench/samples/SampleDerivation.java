package dev.lrrecsys.workbench.samples;

import dev.lrrecsys.workbench.store.SampleCounts;

/**
 * The outcome of {@link SampleDerivationJob}: the project's samples, and whether this run derived them
 * (false: they already existed and stay as they are).
 */
public record SampleDerivation(SampleCounts counts, boolean derivedNow, double seconds) {
}
