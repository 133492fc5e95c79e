package dev.lrrecsys.workbench.store;

/**
 * Where the browse repositories switch from index lookups to a bounded scan, and how far one page scans.
 *
 * @param indexedIds  at most this many matching consumers or products are looked up through the id indexes
 * @param indexedRows ... as long as the matching products have at most this many interactions
 * @param window      keys read per query of a scan
 * @param budget      keys one page scans at most before it returns what it found
 */
record SearchLimits(int indexedIds, long indexedRows, long window, long budget) {

    /** Measured on 1,000,000 interactions / 1,960,000 explanations: every page under 0.4 s on a loaded 2-core machine. */
    static final SearchLimits DEFAULT = new SearchLimits(1_000, 100_000, 25_000, 200_000);
}
