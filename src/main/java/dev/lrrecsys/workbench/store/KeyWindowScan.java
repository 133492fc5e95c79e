package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Reads the matches of a filter that no index answers, in key order, one window of keys at a time: a page
 * stops at its row limit or after {@link SearchLimits#budget()} keys, so a rare match costs a bounded scan per page (the page
 * then holds the matches found so far and the next one goes on from where this one stopped).
 */
final class KeyWindowScan {

    /** Reads the matches with after &lt; key &lt;= upTo, in key order, at most limit rows. */
    @FunctionalInterface
    interface Window<T> {
        List<T> read(long after, long upTo, int limit) throws SQLException;
    }

    private KeyWindowScan() {
    }

    /** @param minKey the smallest key there is (a first page starting far below it starts at it) */
    static <T> Page<T> page(SearchLimits limits, long after, long minKey, long maxKey, int limit, Window<T> window,
                            ToLongFunction<T> key) throws SQLException {
        List<T> rows = new ArrayList<>();
        long start = Math.max(after, minKey - 1);
        long from = start;
        while (rows.size() < limit && from < maxKey && from - start < limits.budget()) {
            long upTo = Math.min(maxKey, from + limits.window());
            rows.addAll(window.read(from, upTo, limit - rows.size()));
            from = rows.size() >= limit ? key.applyAsLong(rows.get(rows.size() - 1)) : upTo;
        }
        return new Page<>(rows, Page.UNCOUNTED, from, from < maxKey);
    }
}
