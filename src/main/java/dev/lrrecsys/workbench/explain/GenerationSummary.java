package dev.lrrecsys.workbench.explain;

import java.util.Locale;

/**
 * What a run did: accepted sentences, answers taken from the cache, rejected answers (counted, never used
 * by models), failures after retries, and prompts skipped because they were already stored.
 */
public record GenerationSummary(String generator, String model, String variant, long ok, long cached, long rejected,
                                long failed, long skipped, double seconds) {

    public String describe() {
        return String.format(Locale.ROOT, "generator: %s (%s), variant %s%nok: %d%ncached: %d%nrejected: %d%nfailed: %d%n"
                        + "already stored: %d%ntime: %.1f s", generator, model, variant, ok, cached, rejected, failed,
                skipped, seconds);
    }
}
