package dev.lrrecsys.workbench.ingest.synth;

/**
 * How many visits each consumer makes: at least one each, the rest shared in proportion to a log-normal
 * activity (a few consumers are very active, most are not), never more than there are restaurants, and
 * exactly the requested total. One int per consumer is all it keeps.
 */
final class ActivityAllocation {

    private ActivityAllocation() {
    }

    /** Requires consumers &lt;= interactions &lt;= consumers * products (checked by {@link SynthSettings}). */
    static int[] visitsPerConsumer(int consumers, long interactions, int products, WorldRandom random) {
        double[] activity = new double[consumers];
        double sum = 0;
        for (int i = 0; i < consumers; i++) {
            activity[i] = Math.exp(0.8 * random.gaussian());
            sum += activity[i];
        }
        long extra = interactions - consumers;
        int[] counts = new int[consumers];
        long assigned = 0;
        for (int i = 0; i < consumers; i++) {
            long share = (long) Math.floor(extra * activity[i] / sum);
            counts[i] = (int) Math.min(products, 1 + share);
            assigned += counts[i];
        }
        // Rounding and the cap leave a remainder: hand it out one visit at a time to those below the cap.
        long left = interactions - assigned;
        for (int i = 0; left > 0; i = (i + 1) % consumers) {
            if (counts[i] < products) {
                counts[i]++;
                left--;
            }
        }
        return counts;
    }
}
