package dev.lrrecsys.workbench.explain;

/** Which sentence of a sample an explanation is, with the opening its answer must start with. */
public enum Side {
    POSITIVE("positive"),
    NEGATIVE("negative"),
    GENERAL("general"),
    ASPECTS("aspects"),
    SUMMARY("summary"),
    RATING("rating");

    private final String key;

    Side(String key) {
        this.key = key;
    }

    /** The side stored under this explanation.side value. */
    public static Side of(String key) {
        for (Side s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown side " + key);
    }

    /** The value of the explanation.side column. */
    public String key() {
        return key;
    }

    /**
     * The other opening a valid answer may begin with, or null: the offline reasoner's negative side says what
     * might put the consumer off rather than "did not visit", which read as contradicting samples the consumer
     * did visit. LLM templates keep the paper's wording, {@link #opening}.
     */
    public String cautionOpening(Domain d) {
        return this == NEGATIVE ? "The consumer might not like this " + d.noun() + " because" : null;
    }

    /** The exact words a valid answer begins with in this domain. */
    public String opening(Domain d) {
        return switch (this) {
            case POSITIVE -> "The consumer " + d.pastVerb() + " this " + d.noun() + " because";
            case NEGATIVE -> "The consumer did not " + d.baseVerb() + " this " + d.noun() + " because";
            case GENERAL -> "The consumer's choice of this " + d.noun() + " depends on";
            case ASPECTS -> "Aspects:";
            case SUMMARY -> "The consumer's history shows";
            case RATING -> "The predicted rating is";
        };
    }
}
