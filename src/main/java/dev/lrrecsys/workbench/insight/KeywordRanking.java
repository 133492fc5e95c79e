package dev.lrrecsys.workbench.insight;

/**
 * How keywords are ordered: against the target's peers (the seller's default), by raw frequency (the paper) or
 * by how distinctive they are against all other products.
 */
public enum KeywordRanking {
    PEERS("Share vs peers"), FREQUENCY("Frequency"), DISTINCTIVENESS("Distinctiveness (log-odds vs all others)");

    private final String label;

    KeywordRanking(String label) {
        this.label = label;
    }

    /** The name scripts use (`lrw keywords --rank peers`). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return label;
    }
}
