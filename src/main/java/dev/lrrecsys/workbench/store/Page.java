package dev.lrrecsys.workbench.store;

import java.util.List;

/**
 * One page of a larger result, read by key (WHERE key &gt; after ORDER BY key), never by OFFSET.
 *
 * @param rows    the rows shown
 * @param total   how many rows match in all, or {@link #UNCOUNTED} where only a scan could tell (searches)
 * @param nextKey the key the next page starts after
 * @param more    whether another page may follow
 */
public record Page<T>(List<T> rows, long total, long nextKey, boolean more) {

    public static final long UNCOUNTED = -1;
}
