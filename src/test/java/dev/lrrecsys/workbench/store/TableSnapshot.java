package dev.lrrecsys.workbench.store;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;

/** Test access to raw rows: each row as its columns joined by '|', to compare tables before and after. */
public final class TableSnapshot {

    private TableSnapshot() {
    }

    public static List<String> rows(Database db, String sql, Object... params) {
        return db.read(tx -> Sql.list(tx, sql, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> cols = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                cols.add(String.valueOf(rs.getObject(i)));
            }
            return String.join("|", cols);
        }, params));
    }

    public static long count(Database db, String sql, Object... params) {
        return db.read(tx -> Sql.count(tx, sql, params));
    }

    public static void execute(Database db, String sql, Object... params) {
        db.inTransaction(tx -> {
            Sql.update(tx, sql, params);
        });
    }

    /** Every table a dataset or its samples live in, for "the database is unchanged" checks. */
    public static List<String> everything(Database db) {
        List<String> out = new ArrayList<>();
        for (String table : List.of("dataset", "consumer", "consumer_attribute", "product", "product_attribute",
                "interaction", "ground_truth", "sample")) {
            out.add("# " + table);
            List<String> rows = new ArrayList<>(rows(db, "SELECT * FROM " + table));
            rows.sort(null);
            out.addAll(rows);
        }
        out.add("# import_log");
        out.addAll(rows(db, "SELECT format, paths, rows_imported, rows_rejected, products_skipped, note FROM import_log ORDER BY id"));
        return out;
    }
}
