package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code sample} table: its counts, the ordered interactions it is derived from, and batched writes. */
public final class SampleRepository {

    private static final int FETCH_SIZE = 10_000;
    private static final int BATCH = 5_000;

    /** Receives interactions one at a time. */
    @FunctionalInterface
    public interface InteractionVisitor {
        void visit(long id, int consumerId, int productId, double rating) throws Exception;
    }

    public SampleCounts counts(Tx tx) throws SQLException {
        return Sql.one(tx, "SELECT COUNT(*), COUNT(CASE WHEN split = 'train' THEN 1 END), "
                        + "COUNT(CASE WHEN split = 'test' THEN 1 END) FROM sample",
                rs -> new SampleCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    public long interactionCount(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM interaction");
    }

    /** Samples a complete derivation has: one per interaction except each consumer's first. */
    public long expectedSampleCount(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) - COUNT(DISTINCT consumer_id) FROM interaction");
    }

    /** The highest consumer id that has samples, or {@code Integer.MIN_VALUE} when there are none. */
    public int lastConsumerWithSamples(Tx tx) throws SQLException {
        Integer max = Sql.one(tx, "SELECT MAX(consumer_id) FROM sample", rs -> {
            int v = rs.getInt(1);
            return rs.wasNull() ? null : v;
        });
        return max == null ? Integer.MIN_VALUE : max;
    }

    /**
     * Consumers after {@code afterConsumer} in id order with their interaction counts: {@code [0]} ids,
     * {@code [1]} counts. Two ints per consumer, so derivations can be cut into ranges of whole consumers.
     */
    public int[][] consumerSpans(Tx tx, int afterConsumer) throws SQLException {
        long n = Sql.count(tx, "SELECT COUNT(DISTINCT consumer_id) FROM interaction WHERE consumer_id > ?", afterConsumer);
        int[][] out = new int[2][(int) n];
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT consumer_id, COUNT(*) FROM interaction WHERE consumer_id > ? "
                + "GROUP BY consumer_id ORDER BY consumer_id", afterConsumer);
             ResultSet rs = ps.executeQuery()) {
            for (int i = 0; rs.next() && i < n; i++) {
                out[0][i] = rs.getInt(1);
                out[1][i] = rs.getInt(2);
            }
        }
        return out;
    }

    /**
     * Streams the interactions of consumers {@code fromConsumer..toConsumer} grouped by consumer, each
     * consumer's in history order: by time, then by id (the file order, which is all there is when the
     * source has no time). Follows the index {@code interaction_by_consumer}, so nothing is sorted.
     */
    public void forEachInteractionInHistoryOrder(Tx tx, int fromConsumer, int toConsumer, InteractionVisitor visitor)
            throws Exception {
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT id, consumer_id, product_id, rating FROM interaction "
                + "WHERE consumer_id BETWEEN ? AND ? ORDER BY consumer_id, ts, id", fromConsumer, toConsumer)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.visit(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4));
                }
            }
        }
    }

    /**
     * The tables whose rows refer to samples (explanations, predictions...), with their row counts, found
     * from the schema's foreign keys so that tables added by later migrations are covered too.
     */
    public Map<String, Long> referencingRows(Tx tx) throws SQLException {
        List<String> tables = Sql.list(tx, "SELECT DISTINCT fk.table_name FROM information_schema.referential_constraints rc "
                + "JOIN information_schema.table_constraints fk ON fk.constraint_schema = rc.constraint_schema "
                + "AND fk.constraint_name = rc.constraint_name "
                + "JOIN information_schema.table_constraints pk ON pk.constraint_schema = rc.unique_constraint_schema "
                + "AND pk.constraint_name = rc.unique_constraint_name "
                + "WHERE pk.table_name = 'SAMPLE' AND fk.table_name <> 'SAMPLE' ORDER BY fk.table_name",
                rs -> rs.getString(1));
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : tables) {
            // The name comes from the schema catalogue, not from data; quoted as an identifier all the same.
            out.put(table.toLowerCase(java.util.Locale.ROOT),
                    Sql.count(tx, "SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\""));
        }
        return out;
    }

    public void deleteAll(Tx tx) throws SQLException {
        Sql.update(tx, "DELETE FROM sample");
        ViewSummaries.setCount(tx, "samples", 0);
    }

    public Writer writer(Tx tx) throws SQLException {
        return new Writer(tx);
    }

    /** Batched inserts of samples; close it before the transaction ends. */
    public static final class Writer implements AutoCloseable {

        private final PreparedStatement ps;
        private final Tx tx;
        private int pending;
        private long written;

        private Writer(Tx tx) throws SQLException {
            this.tx = tx;
            ps = tx.connection().prepareStatement("INSERT INTO sample (id, consumer_id, product_id, rating, position, "
                    + "hist1, hist2, hist3, hist4, hist5, split) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        /**
         * @param history the 5 history products, oldest to newest; values &lt; 0 are empty (stored as NULL)
         */
        public void add(long id, int consumerId, int productId, double rating, int position, int[] history, boolean test)
                throws SQLException {
            ps.setLong(1, id);
            ps.setInt(2, consumerId);
            ps.setInt(3, productId);
            ps.setDouble(4, rating);
            ps.setInt(5, position);
            for (int i = 0; i < 5; i++) {
                if (history[i] < 0) {
                    ps.setNull(6 + i, Types.INTEGER);
                } else {
                    ps.setInt(6 + i, history[i]);
                }
            }
            ps.setString(11, test ? "test" : "train");
            ps.addBatch();
            written++;
            if (++pending >= BATCH) {
                flush();
            }
        }

        public void flush() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
                ViewSummaries.addCount(tx, "samples", written); // the Dataset view's count, in the same transaction
            } finally {
                ps.close();
            }
        }
    }
}
