package dev.lrrecsys.workbench.insight;

/** How keywords are ordered: by raw frequency (the paper) or by how distinctive they are for the target. */
public enum KeywordRanking {
    FREQUENCY("Frequency"), DISTINCTIVENESS("Distinctiveness (log-odds vs all others)");

    private final String label;

    KeywordRanking(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
