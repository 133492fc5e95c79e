package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Keeps the precomputed view figures of schema V7 (dataset counts, rating histogram, product activity,
 * explanation counts) in step with the writers: each writer adds what it wrote in its own transaction, so
 * the figures commit or roll back with the rows.
 */
final class ViewSummaries {

    private ViewSummaries() {
    }

    static void addCount(Tx tx, String name, long delta) throws SQLException {
        if (delta != 0) {
            Sql.update(tx, "MERGE INTO dataset_count d USING (VALUES (CAST(? AS VARCHAR(20)), CAST(? AS BIGINT))) v(name, n) "
                    + "ON d.name = v.name WHEN MATCHED THEN UPDATE SET n = d.n + v.n "
                    + "WHEN NOT MATCHED THEN INSERT (name, n) VALUES (v.name, v.n)", name, delta);
        }
    }

    static void setCount(Tx tx, String name, long n) throws SQLException {
        Sql.update(tx, "MERGE INTO dataset_count (name, n) KEY (name) VALUES (?, ?)", name, n);
    }

    static void addRatings(Tx tx, Map<Double, Long> ratingCounts) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("MERGE INTO rating_count r USING "
                + "(VALUES (CAST(? AS DOUBLE PRECISION), CAST(? AS BIGINT))) v(rating, n) ON r.rating = v.rating "
                + "WHEN MATCHED THEN UPDATE SET n = r.n + v.n WHEN NOT MATCHED THEN INSERT (rating, n) VALUES (v.rating, v.n)")) {
            for (Map.Entry<Double, Long> e : ratingCounts.entrySet()) {
                ps.setDouble(1, e.getKey());
                ps.setLong(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** @param activity product id -> {interactions, rating sum} */
    static void addProductActivity(Tx tx, Map<Integer, double[]> activity) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("MERGE INTO product_activity a USING "
                + "(VALUES (CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION))) v(product_id, n, s) "
                + "ON a.product_id = v.product_id WHEN MATCHED THEN UPDATE SET interactions = a.interactions + v.n, "
                + "rating_sum = a.rating_sum + v.s "
                + "WHEN NOT MATCHED THEN INSERT (product_id, interactions, rating_sum) VALUES (v.product_id, v.n, v.s)")) {
            int pending = 0;
            for (Map.Entry<Integer, double[]> e : activity.entrySet()) {
                ps.setInt(1, e.getKey());
                ps.setLong(2, (long) e.getValue()[0]);
                ps.setDouble(3, e.getValue()[1]);
                ps.addBatch();
                if (++pending % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Adds each non-zero delta to the count of its (generator, model, variant, side, status), the key's five parts in
     * that order: the one writer of explanation_count for every repository that adds, replaces or reuses rows.
     */
    static void addExplanationCounts(Tx tx, Map<List<String>, Long> deltas) throws SQLException {
        try (PreparedStatement ps = explanationCounter(tx)) {
            for (Map.Entry<List<String>, Long> d : deltas.entrySet()) {
                if (d.getValue() != 0) {
                    for (int i = 0; i < 5; i++) {
                        ps.setString(i + 1, d.getKey().get(i));
                    }
                    ps.setLong(6, d.getValue());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Adds delta to the count of one (generator, model, variant, side, status). */
    private static PreparedStatement explanationCounter(Tx tx) throws SQLException {
        return tx.connection().prepareStatement("MERGE INTO explanation_count c USING (VALUES (CAST(? AS VARCHAR(40)), "
                + "CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(30)), CAST(? AS VARCHAR(10)), CAST(? AS VARCHAR(10)), "
                + "CAST(? AS BIGINT))) v(generator, model, variant, side, status, n) ON c.generator = v.generator "
                + "AND c.model = v.model AND c.variant = v.variant AND c.side = v.side AND c.status = v.status "
                + "WHEN MATCHED THEN UPDATE SET n = c.n + v.n "
                + "WHEN NOT MATCHED THEN INSERT (generator, model, variant, side, status, n) "
                + "VALUES (v.generator, v.model, v.variant, v.side, v.status, v.n)");
    }
}
