package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows the tables hold whose rows are never deleted (interactions, samples, explanations, finished runs):
 * a project whose database holds fewer than it held when it was last closed has lost data.
 */
public final class RowCounts {

    /** The tables watched, in the order they are reported. */
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("interactions", "SELECT COUNT(*) FROM interaction");
        QUERIES.put("samples", "SELECT COUNT(*) FROM sample");
        QUERIES.put("explanations", "SELECT COUNT(*) FROM explanation");
        QUERIES.put("finished runs", "SELECT COUNT(*) FROM run WHERE status = 'done'");
    }

    /** Name -> count, in a stable order. */
    public Map<String, Long> read(Tx tx) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : QUERIES.entrySet()) {
            out.put(q.getKey(), Sql.count(tx, q.getValue()));
        }
        return out;
    }
}
