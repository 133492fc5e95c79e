package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Mask-training runs and the key factors they kept (tables factor_run and key_factor), and what they read. */
public final class KeyFactorRepository {

    /** One mask-training run. segmentAttribute is null for a run over the whole dataset only. */
    public record RunRow(long id, String segmentAttribute, double penalty, int candidates, int trainSamples,
                         int validationSamples, double validationRmse, double baselineRmse) {
    }

    /** One key factor of one segment value ('' for the whole dataset). */
    public record FactorRow(String segmentValue, String factorKey, String kind, String attribute, String value,
                            String label, double gate, double effect, int samples, int rank) {
    }

    /** One hidden preference of a synthetic consumer. */
    public record Preference(String attribute, String value, double weight) {
    }

    /** One stored explanation with its sample's consumer, candidate and history (padding -1). */
    public record ExplainedSample(long sampleId, int consumerId, int productId, int[] history, String side, String text) {
    }

    /** Receives explanations one by one. */
    @FunctionalInterface
    public interface ExplanationVisitor {
        void visit(ExplainedSample e);
    }

    /**
     * Every 'ok' positive/negative explanation of a generator (and variant, when not null), by sample id, with
     * its sample (no rating: quality measures must not read it).
     */
    public void forEachExplanation(Tx tx, String generator, String variant, ExplanationVisitor visitor) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT s.id, s.consumer_id, s.product_id, s.hist1, s.hist2, s.hist3, "
                + "s.hist4, s.hist5, e.side, e.text FROM explanation e JOIN sample s ON s.id = e.sample_id "
                + "WHERE e.status = 'ok' AND e.side IN ('positive', 'negative') AND e.generator = ? "
                + "AND (CAST(? AS VARCHAR) IS NULL OR e.variant = ?) ORDER BY s.id, e.side DESC", generator, variant, variant);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int[] history = new int[5];
                for (int k = 0; k < 5; k++) {
                    int v = rs.getInt(4 + k);
                    history[k] = rs.wasNull() ? -1 : v;
                }
                visitor.visit(new ExplainedSample(rs.getLong(1), rs.getInt(2), rs.getInt(3), history, rs.getString(9),
                        rs.getString(10)));
            }
        }
    }

    /** Stores a run and its factors; returns the run's id. */
    public long save(Tx tx, RunRow run, List<FactorRow> factors) throws SQLException {
        long id;
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO factor_run (created_at, "
                + "segment_attribute, penalty, candidates, train_samples, validation_samples, validation_rmse, "
                + "baseline_rmse) VALUES (CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            if (run.segmentAttribute() == null) {
                ps.setNull(1, Types.VARCHAR);
            } else {
                ps.setString(1, run.segmentAttribute());
            }
            ps.setDouble(2, run.penalty());
            ps.setInt(3, run.candidates());
            ps.setInt(4, run.trainSamples());
            ps.setInt(5, run.validationSamples());
            ps.setDouble(6, run.validationRmse());
            ps.setDouble(7, run.baselineRmse());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO key_factor (run_id, segment_value, "
                + "factor_key, kind, attribute, val, label, gate, effect, samples, rank_in_segment) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (FactorRow f : factors) {
                ps.setLong(1, id);
                ps.setString(2, f.segmentValue());
                ps.setString(3, f.factorKey());
                ps.setString(4, f.kind());
                ps.setString(5, f.attribute());
                ps.setString(6, f.value());
                ps.setString(7, f.label());
                ps.setDouble(8, f.gate());
                ps.setDouble(9, f.effect());
                ps.setInt(10, f.samples());
                ps.setInt(11, f.rank());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /** The newest run, or the newest over the whole dataset only when {@code wholeDatasetOnly}. */
    public Optional<RunRow> latest(Tx tx, boolean wholeDatasetOnly) throws SQLException {
        return Optional.ofNullable(Sql.one(tx, "SELECT id, segment_attribute, penalty, candidates, train_samples, "
                + "validation_samples, validation_rmse, baseline_rmse FROM factor_run"
                + (wholeDatasetOnly ? " WHERE segment_attribute IS NULL" : "") + " ORDER BY id DESC LIMIT 1",
                rs -> new RunRow(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getDouble(7), rs.getDouble(8))));
    }

    /** The newest run of each segment attribute (the whole-dataset-only runs as one attribute, null), oldest attribute first. */
    public List<RunRow> latestPerSegment(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT id, segment_attribute, penalty, candidates, train_samples, validation_samples, "
                        + "validation_rmse, baseline_rmse FROM factor_run WHERE id IN (SELECT MAX(id) FROM factor_run "
                        + "GROUP BY segment_attribute) ORDER BY id",
                rs -> new RunRow(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getDouble(7), rs.getDouble(8)));
    }

    /** The run's factors by segment value ('' first), strongest first within each. */
    public List<FactorRow> factors(Tx tx, long runId) throws SQLException {
        return Sql.list(tx, "SELECT segment_value, factor_key, kind, attribute, val, label, gate, effect, samples, "
                        + "rank_in_segment FROM key_factor WHERE run_id = ? ORDER BY segment_value, rank_in_segment",
                rs -> new FactorRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getDouble(7), rs.getDouble(8), rs.getInt(9), rs.getInt(10)), runId);
    }

    /**
     * What key factors can be found per (`lrw factors --segment`): every consumer and product attribute name, and
     * "city" when products have one; sorted, the same names the job's "Unknown segment attribute" line lists.
     */
    public List<String> segmentAttributes(Tx tx) throws SQLException {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(Sql.list(tx, "SELECT DISTINCT name FROM consumer_attribute "
                + "UNION SELECT DISTINCT name FROM product_attribute", rs -> rs.getString(1)));
        if (Sql.count(tx, "SELECT COUNT(*) FROM product WHERE city IS NOT NULL") > 0) {
            names.add("city");
        }
        return List.copyOf(names);
    }

    public long runCount(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM factor_run");
    }

    /** Product id -> city (products without one are left out). */
    public Map<Integer, String> productCities(Tx tx) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        for (Object[] r : Sql.list(tx, "SELECT id, city FROM product WHERE city IS NOT NULL",
                rs -> new Object[]{rs.getInt(1), rs.getString(2)})) {
            out.put((Integer) r[0], (String) r[1]);
        }
        return out;
    }

    /** The hidden preferences of a synthetic world by consumer (empty for an imported dataset). */
    public Map<Integer, List<Preference>> groundTruth(Tx tx) throws SQLException {
        Map<Integer, List<Preference>> out = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT consumer_id, attribute, val, weight FROM ground_truth ORDER BY consumer_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new Preference(rs.getString(2), rs.getString(3), rs.getDouble(4)));
            }
        }
        return out;
    }
}
