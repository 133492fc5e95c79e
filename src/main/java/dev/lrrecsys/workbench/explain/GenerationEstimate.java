package dev.lrrecsys.workbench.explain;

import java.util.Locale;

/**
 * What a run will do, known before it starts.
 *
 * @param stored         prompts whose explanation is already stored (ok or rejected): skipped
 * @param inCache        prompts answered before by the same generator, model and template: not sent again
 * @param toGenerate     prompts that will be generated (sent, for LLM generators)
 * @param profilePrompts products whose profile will be generated first (with --profiles)
 * @param secondsPerPrompt measured on a short probe (LLM generators); NaN for the offline reasoner
 * @param expectedSeconds  toGenerate at the probe's pace with the configured concurrency; NaN when unknown
 */
public record GenerationEstimate(long samples, long prompts, long stored, long inCache, long toGenerate,
                                 long profilePrompts, double secondsPerPrompt, double expectedSeconds) {

    /** The lines the CLI prints before asking to go on. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("samples: ").append(samples).append('\n');
        b.append("prompts: ").append(prompts).append(" (already stored: ").append(stored)
                .append(", in cache: ").append(inCache).append(", to generate: ").append(toGenerate).append(")\n");
        if (profilePrompts > 0) {
            b.append("profiles to generate first: ").append(profilePrompts).append('\n');
        }
        if (!Double.isNaN(secondsPerPrompt)) {
            b.append(String.format(Locale.ROOT, "probe: %.2f s per prompt%n", secondsPerPrompt));
        }
        if (!Double.isNaN(expectedSeconds)) {
            b.append("expected time: ").append(formatSeconds(expectedSeconds)).append('\n');
        }
        return b.toString();
    }

    static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
