package dev.lrrecsys.workbench.ingest.synth;

/** What a synthetic world run wrote, and how long it took. */
public record SynthSummary(int consumers, int products, long interactions, long groundTruthRows, double seconds) {

    public double interactionsPerSecond() {
        return seconds > 0 ? interactions / seconds : Double.NaN;
    }
}
