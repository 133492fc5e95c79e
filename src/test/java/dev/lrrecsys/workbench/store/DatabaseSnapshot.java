package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test support: the row count of every table of a project plus the full dataset and import_log rows, so a
 * test can assert that a failed import left the database exactly as it was; and a few read queries.
 */
public final class DatabaseSnapshot {

    private DatabaseSnapshot() {
    }

    public static Map<String, String> of(Database db) {
        return db.read(tx -> {
            Map<String, String> out = new TreeMap<>();
            for (String table : strings(tx, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                out.put(table, Long.toString(Sql.count(tx, "SELECT COUNT(*) FROM \"" + table + "\"")));
            }
            out.put("dataset row", String.join("|", strings(tx, "SELECT CONCAT_WS('|', name, format, domain, rating_min, "
                    + "rating_max, high_threshold, has_time, imported_at) FROM dataset")));
            out.put("import_log rows", String.join("|", strings(tx, "SELECT CONCAT_WS('|', id, format, rows_imported) FROM import_log")));
            return out;
        });
    }

    /** The first column of a query's rows, as strings. */
    public static List<String> strings(Database db, String sql, Object... params) {
        return db.read(tx -> strings(tx, sql, params));
    }

    private static List<String> strings(Tx tx, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(tx, sql, params); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    public static long count(Database db, String sql, Object... params) {
        return db.read(tx -> Sql.count(tx, sql, params));
    }
}
