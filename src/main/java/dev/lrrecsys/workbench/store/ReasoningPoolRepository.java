package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reasoning pool reads and writes: every sample in compact arrays (1M samples fit in tens of MB),
 * the training split's interactions per consumer, the explanation rows of one source, and the reused
 * ("retrieved") rows it stores.
 */
public final class ReasoningPoolRepository {

    /**
     * Every sample in id order. {@code history} holds 5 product ids per sample (oldest first), -1 where the
     * consumer had fewer earlier interactions. No rating: the pool is rating-blind like the generators.
     */
    public record SampleTable(long[] ids, int[] consumers, int[] products, int[] history, boolean[] training,
                              int[] positions) {
        public int size() {
            return ids.length;
        }

        /** Index of a sample id, or a negative number when it is not a sample. */
        public int indexOf(long sampleId) {
            return Arrays.binarySearch(ids, sampleId);
        }

        public int[] historyOf(int i) {
            int n = 0;
            for (int k = 0; k < 5; k++) {
                if (history[5 * i + k] >= 0) {
                    n++;
                }
            }
            int[] out = new int[n];
            int j = 0;
            for (int k = 0; k < 5; k++) {
                if (history[5 * i + k] >= 0) {
                    out[j++] = history[5 * i + k];
                }
            }
            return out;
        }
    }

    public SampleTable samples(Tx tx) throws SQLException {
        int n = (int) Sql.count(tx, "SELECT COUNT(*) FROM sample");
        long[] ids = new long[n];
        int[] consumers = new int[n];
        int[] products = new int[n];
        int[] history = new int[5 * n];
        boolean[] training = new boolean[n];
        int[] positions = new int[n];
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, consumer_id, product_id, hist1, hist2, "
                + "hist3, hist4, hist5, split, position FROM sample ORDER BY id")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                int i = 0;
                while (rs.next() && i < n) {
                    ids[i] = rs.getLong(1);
                    consumers[i] = rs.getInt(2);
                    products[i] = rs.getInt(3);
                    for (int k = 0; k < 5; k++) {
                        int v = rs.getInt(4 + k);
                        history[5 * i + k] = rs.wasNull() ? -1 : v;
                    }
                    training[i] = "train".equals(rs.getString(9));
                    positions[i] = rs.getInt(10);
                    i++;
                }
                if (i < n) {
                    // Samples deleted between the count and the scan (never in a normal run): keep what was read.
                    return new SampleTable(Arrays.copyOf(ids, i), Arrays.copyOf(consumers, i), Arrays.copyOf(products, i),
                            Arrays.copyOf(history, 5 * i), Arrays.copyOf(training, i), Arrays.copyOf(positions, i));
                }
            }
        }
        return new SampleTable(ids, consumers, products, history, training, positions);
    }

    /** Product id -> "name=value" of each attribute. */
    public Map<Integer, List<String>> productAttributeValues(Tx tx) throws SQLException {
        return attributeValues(tx, "SELECT product_id, name, val FROM product_attribute ORDER BY product_id, name, val");
    }

    /** Consumer id -> "name=value" of each attribute (the consumer's stated traits). */
    public Map<Integer, List<String>> consumerAttributeValues(Tx tx) throws SQLException {
        return attributeValues(tx, "SELECT consumer_id, name, val FROM consumer_attribute ORDER BY consumer_id, name, val");
    }

    private static Map<Integer, List<String>> attributeValues(Tx tx, String sql) throws SQLException {
        Map<Integer, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), k -> new java.util.ArrayList<>())
                        .add(rs.getString(2).strip().toLowerCase(java.util.Locale.ROOT) + "="
                                + rs.getString(3).strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** One stored explanation row as the pool sees it. */
    public record PoolRow(long sampleId, String side, String status, String source, Long seedSampleId, String text,
                          Integer templateVersion, String promptHash) {
        public boolean generatedOk() {
            return "ok".equals(status) && "generated".equals(source);
        }
    }

    /** Receives rows one at a time (a 1M-sample project has 2M rows: no list of them is built). */
    @FunctionalInterface
    public interface RowVisitor {
        void visit(PoolRow row);
    }

    /** Every row of one (variant, generator, model); texts only of generated ok rows (the ones a pool reuses). */
    public void forEachRow(Tx tx, String variant, String generator, String model, RowVisitor visitor) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT sample_id, side, status, source, seed_sample_id, "
                + "CASE WHEN status = 'ok' AND source = 'generated' THEN text END, template_version, prompt_hash "
                + "FROM explanation WHERE variant = ? AND generator = ? AND model = ?", variant, generator, model)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seed = rs.getLong(5);
                    Long seedId = rs.wasNull() ? null : seed;
                    int tv = rs.getInt(7);
                    Integer templateVersion = rs.wasNull() ? null : tv;
                    visitor.visit(new PoolRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), seedId,
                            rs.getString(6), templateVersion, rs.getString(8)));
                }
            }
        }
    }

    /**
     * A reused explanation for one side of a sample: the seed's text, template version and prompt hash, the
     * seed sample and the similarity. previousStatus: the status of the row it replaces, or null (insert).
     */
    public record RetrievedRow(long sampleId, String variant, String side, String generator, String model,
                               Integer templateVersion, String promptHash, String text, long seedSampleId,
                               double similarity, String previousStatus) {
    }

    /** Inserts new reused rows and replaces stale ones (failed, rejected, or reused from a seed no longer in the pool). */
    public void saveRetrieved(Tx tx, List<RetrievedRow> rows) throws SQLException {
        try (PreparedStatement insert = tx.connection().prepareStatement("INSERT INTO explanation (template_version, "
                + "prompt_hash, status, text, reason, source, seed_sample_id, similarity, sample_id, variant, side, "
                + "generator, model, created_at) VALUES (?, ?, 'ok', ?, NULL, 'retrieved', ?, ?, ?, ?, ?, ?, ?, "
                + "CURRENT_TIMESTAMP)");
             PreparedStatement update = tx.connection().prepareStatement("UPDATE explanation SET template_version = ?, "
                     + "prompt_hash = ?, status = 'ok', text = ?, reason = NULL, source = 'retrieved', seed_sample_id = ?, "
                     + "similarity = ?, created_at = CURRENT_TIMESTAMP WHERE sample_id = ? AND variant = ? AND side = ? "
                     + "AND generator = ? AND model = ?")) {
            boolean inserts = false;
            boolean updates = false;
            for (RetrievedRow r : rows) {
                PreparedStatement ps = r.previousStatus() == null ? insert : update;
                if (r.templateVersion() == null) {
                    ps.setNull(1, Types.INTEGER);
                } else {
                    ps.setInt(1, r.templateVersion());
                }
                ps.setString(2, r.promptHash());
                ps.setString(3, r.text());
                ps.setLong(4, r.seedSampleId());
                ps.setDouble(5, r.similarity());
                ps.setLong(6, r.sampleId());
                ps.setString(7, r.variant());
                ps.setString(8, r.side());
                ps.setString(9, r.generator());
                ps.setString(10, r.model());
                ps.addBatch();
                inserts |= ps == insert;
                updates |= ps == update;
            }
            if (inserts) {
                insert.executeBatch();
            }
            if (updates) {
                update.executeBatch();
            }
        }
        Map<List<String>, Long> deltas = new HashMap<>();
        for (RetrievedRow r : rows) {
            if (r.previousStatus() != null) {
                deltas.merge(List.of(r.generator(), r.model(), r.variant(), r.side(), r.previousStatus()), -1L, Long::sum);
            }
            deltas.merge(List.of(r.generator(), r.model(), r.variant(), r.side(), "ok"), 1L, Long::sum);
        }
        ViewSummaries.addExplanationCounts(tx, deltas);
    }

    /** How many rows of one source are reused ones. */
    public long countRetrieved(Tx tx, String variant, String generator, String model) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM explanation WHERE variant = ? AND generator = ? AND model = ? "
                + "AND source = 'retrieved'", variant, generator, model);
    }

    /** Whether any row of one source is a reused one: the source was generated with a reasoning pool. */
    public boolean hasRetrieved(Tx tx, String variant, String generator, String model) throws SQLException {
        return Sql.one(tx, "SELECT 1 FROM explanation WHERE variant = ? AND generator = ? AND model = ? "
                + "AND source = 'retrieved' LIMIT 1", rs -> true, variant, generator, model) != null;
    }
}
