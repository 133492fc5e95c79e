package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;

/**
 * Which seed samples a sample that is not a seed may reuse the pair of. A pair talks about its candidate's
 * attributes, so reusing one written about another product tells the model about the wrong product.
 */
public enum PoolMatch {
    /**
     * The nearest seed sample with the same candidate product (by cosine over the whole vector, whose candidate part
     * is then equal, so consumer behaviour and history decide); the nearest of any product when no seed sample has
     * that candidate.
     */
    PRODUCT("product"),
    /** The nearest seed sample of any product (RELAND's retrieval over the whole vector). */
    ANY("any");

    private final String key;

    PoolMatch(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The match of a key ("product" or "any"). */
    public static PoolMatch of(String key) {
        for (PoolMatch m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new WorkbenchException("--pool-match must be product or any, got '" + key + "'.");
    }
}
