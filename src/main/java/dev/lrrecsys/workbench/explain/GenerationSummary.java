package dev.lrrecsys.workbench.explain;

import java.util.List;
import java.util.Locale;

/**
 * What a run did: accepted sentences, answers taken from the cache, rejected answers (counted, never used
 * by models), failures after retries with their commonest reasons, and prompts skipped because they were
 * already stored.
 */
public record GenerationSummary(String generator, String model, String variant, long ok, long cached, long rejected,
                                long failed, long skipped, double seconds, List<ReasonCount> topFailures) {

    /** How many prompts of this run failed for one reason. */
    public record ReasonCount(String reason, long count) {
    }

    /** True when prompts were sent and every one of them failed: nothing usable came back. */
    public boolean allFailed() {
        return failed > 0 && ok == 0 && cached == 0 && rejected == 0;
    }

    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "generator: %s (%s), variant %s%nok: %d%n"
                        + "cached: %d%nrejected: %d%nfailed: %d%nalready stored: %d%ntime: %.1f s", generator, model,
                variant, ok, cached, rejected, failed, skipped, seconds));
        for (ReasonCount r : topFailures) {
            b.append(String.format(Locale.ROOT, "%nfailure: %d x %s", r.count(), r.reason()));
        }
        return b.toString();
    }
}
