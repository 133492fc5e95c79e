package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranking candidate sets (products sampled for each high-rated test sample, with the autoencoder codes of their
 * explanation pairs), what the sampling reads (each consumer's interacted products), and the ranking metrics of
 * finished runs.
 */
public final class RankingCandidateRepository {

    public static final String BUILDING = "building";
    public static final String DONE = "done";
    private static final int DIM = ExplanationCodeRepository.CODE_DIM;

    /** What identifies a candidate set: the same key gives the same candidates and codes. */
    public record SetKey(String generator, String generatorModel, long autoencoderId, long seed, int negatives,
                         String source) {
    }

    /** A stored candidate set. */
    public record SetRecord(long id, SetKey key, String writtenBy, int rankedSamples, int skippedConsumers,
                            int skippedSamples, String status) {
    }

    /**
     * One candidate of one ranked sample: {@code codes} holds the positive code then the negative code (8 + 8);
     * {@code fromSampleId} the stored sample whose pair was reused, or null; {@code similarity} the cosine similarity
     * to that sample when a reasoning pool retrieved it, else null.
     */
    public record Candidate(long sampleId, int position, int productId, Long fromSampleId, Double similarity,
                            float[] codes) {
    }

    public Optional<SetRecord> find(Tx tx, SetKey key) throws SQLException {
        return Optional.ofNullable(Sql.one(tx, "SELECT id, written_by, ranked_samples, skipped_consumers, "
                        + "skipped_samples, status FROM ranking_candidate_set WHERE generator = ? AND generator_model = ? "
                        + "AND autoencoder_id = ? AND seed = ? AND negatives = ? AND source = ? ORDER BY id DESC LIMIT 1",
                rs -> new SetRecord(rs.getLong(1), key, rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6)),
                key.generator(), key.generatorModel(), key.autoencoderId(), key.seed(), key.negatives(), key.source()));
    }

    public long create(Tx tx, SetKey key, String writtenBy, int rankedSamples, int skippedConsumers,
                       int skippedSamples) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO ranking_candidate_set (generator, "
                        + "generator_model, autoencoder_id, seed, negatives, source, written_by, ranked_samples, "
                        + "skipped_consumers, skipped_samples, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Object[] values = {key.generator(), key.generatorModel(), key.autoencoderId(), key.seed(), key.negatives(),
                    key.source(), writtenBy, rankedSamples, skippedConsumers, skippedSamples, OffsetDateTime.now(),
                    BUILDING};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void finish(Tx tx, long setId) throws SQLException {
        Sql.update(tx, "UPDATE ranking_candidate_set SET status = ? WHERE id = ?", DONE, setId);
    }

    /** The ranked samples whose candidates are already written (a resumed build skips them). */
    public Set<Long> samplesWritten(Tx tx, long setId) throws SQLException {
        return new HashSet<>(Sql.list(tx, "SELECT DISTINCT sample_id FROM ranking_candidate WHERE set_id = ?",
                rs -> rs.getLong(1), setId));
    }

    /** Writes candidates in one batch (the caller's transaction holds whole samples only). */
    public void write(Tx tx, long setId, List<Candidate> candidates) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ranking_candidate (set_id, sample_id, position, product_id, "
                + "from_sample_id, similarity");
        for (int k = 0; k < DIM; k++) {
            sql.append(", p").append(k);
        }
        for (int k = 0; k < DIM; k++) {
            sql.append(", n").append(k);
        }
        sql.append(") VALUES (?, ?, ?, ?, ?, ?").append(", ?".repeat(2 * DIM)).append(')');
        try (PreparedStatement ps = tx.connection().prepareStatement(sql.toString())) {
            for (Candidate c : candidates) {
                ps.setLong(1, setId);
                ps.setLong(2, c.sampleId());
                ps.setInt(3, c.position());
                ps.setInt(4, c.productId());
                ps.setObject(5, c.fromSampleId());
                ps.setObject(6, c.similarity());
                for (int k = 0; k < 2 * DIM; k++) {
                    ps.setFloat(7 + k, c.codes()[k]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every candidate of a set, by ranked sample, each sample's in position order. */
    public Map<Long, List<Candidate>> candidates(Tx tx, long setId) throws SQLException {
        Map<Long, List<Candidate>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT sample_id, position, product_id, from_sample_id, similarity, "
                + "p0, p1, p2, p3, p4, p5, p6, p7, n0, n1, n2, n3, n4, n5, n6, n7 FROM ranking_candidate "
                + "WHERE set_id = ? ORDER BY sample_id, position", setId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                float[] codes = new float[2 * DIM];
                for (int k = 0; k < 2 * DIM; k++) {
                    codes[k] = rs.getFloat(6 + k);
                }
                long sampleId = rs.getLong(1);
                double similarity = rs.getDouble(5);
                Double retrieved = rs.wasNull() ? null : similarity;
                out.computeIfAbsent(sampleId, k -> new java.util.ArrayList<>()).add(new Candidate(sampleId,
                        rs.getInt(2), rs.getInt(3), (Long) rs.getObject(4), retrieved, codes));
            }
        }
        return out;
    }

    /** Every consumer's interacted products (any split, any rating): what ranking must not sample. */
    public Map<Integer, Set<Integer>> interactedProducts(Tx tx) throws SQLException {
        Map<Integer, Set<Integer>> out = new HashMap<>();
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT consumer_id, product_id FROM interaction");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), k -> new HashSet<>()).add(rs.getInt(2));
            }
        }
        return out;
    }

    public long sampleCount(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM sample");
    }

    public void saveMetrics(Tx tx, long runId, Map<String, Double> metrics) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO run_ranking_metric (run_id, metric, val) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Double> m : metrics.entrySet()) {
                ps.setLong(1, runId);
                ps.setString(2, m.getKey());
                ps.setDouble(3, m.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The ranking metrics of an experiment's runs, by run id and metric name. */
    public Map<Long, Map<String, Double>> metrics(Tx tx, long experimentId) throws SQLException {
        Map<Long, Map<String, Double>> out = new HashMap<>();
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT m.run_id, m.metric, m.val FROM run_ranking_metric m "
                + "JOIN run r ON r.id = m.run_id WHERE r.experiment_id = ?", experimentId);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
            }
        }
        return out;
    }

    /** Candidate sets stored, for `lrw info` and tests. */
    public long setCount(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM ranking_candidate_set");
    }

    public long candidateCount(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM ranking_candidate");
    }
}
