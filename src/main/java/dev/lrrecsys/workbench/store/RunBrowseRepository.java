package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only queries behind the run views (Runs, Attention, Uncertainty) and the case inspector: what exists to
 * pick from, and everything stored about one sample.
 */
public final class RunBrowseRepository {

    /** An experiment as a picker shows it. */
    public record ExperimentItem(long id, String createdAt, String task, String models, String status, String fractions) {
        public String label() {
            return "#" + id + " " + task + " (" + status + ", " + createdAt + ")";
        }
    }

    /** A finished run that stored attention weights. */
    public record AttentionRun(long id, long experimentId, String model, int repeat, double trainFraction) {
        public String label() {
            return "run " + id + ": " + model + ", repeat " + repeat + ", fraction " + trainFraction + " (experiment " + experimentId + ")";
        }
    }

    /** One sample with the names a person recognises; history oldest to newest (nulls dropped). */
    public record CaseSample(long id, String consumer, int productId, String product, String productProfile,
                             String productAttributes, double rating, String split, List<HistoryItem> history) {
    }

    /** A product of the consumer's history. */
    public record HistoryItem(int productId, String name, String attributes, String profile) {
    }

    /** One stored explanation of a sample. */
    public record CaseExplanation(String generator, String model, String variant, String side, String status, String text) {
    }

    /** A model's prediction for the sample in one run, with the run's metadata. */
    public record CasePrediction(long runId, String model, int repeat, double trainFraction, double value,
                                 Float alphaPos, Float alphaNeg) {
    }

    /** The sample's uncertainty and gain in one experiment and fraction. */
    public record CaseUncertainty(long experimentId, double trainFraction, double uncertainty, double gain) {
    }

    public List<ExperimentItem> experiments(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT id, FORMATDATETIME(created_at, 'yyyy-MM-dd HH:mm'), task, models, status, train_fractions "
                        + "FROM experiment ORDER BY id DESC",
                rs -> new ExperimentItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
    }

    public List<AttentionRun> attentionRuns(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT r.id, r.experiment_id, r.model, r.repeat_no, r.train_fraction FROM run r "
                        + "WHERE r.status = 'done' AND EXISTS (SELECT 1 FROM attention a WHERE a.run_id = r.id) ORDER BY r.id DESC",
                rs -> new AttentionRun(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getDouble(5)));
    }

    /** A test sample in a histogram bin: its rating, the run's prediction (NaN if none) and both alpha values. */
    public record BinSample(long sampleId, String consumer, String product, double rating, double prediction,
                            float alphaPos, float alphaNeg) {
    }

    /** Test samples of a run whose alpha value on one side falls in [from, to), high or low rated. */
    public List<BinSample> samplesInBin(Tx tx, long runId, boolean positiveSide, double from, double to, boolean high,
                                        double highThreshold, int limit) throws SQLException {
        String column = positiveSide ? "alpha_pos" : "alpha_neg";
        return Sql.list(tx, "SELECT a.sample_id, c.external_id, pr.name, s.rating, p.val, a.alpha_pos, a.alpha_neg "
                        + "FROM attention a JOIN sample s ON s.id = a.sample_id JOIN consumer c ON c.id = s.consumer_id "
                        + "JOIN product pr ON pr.id = s.product_id LEFT JOIN prediction p ON p.run_id = a.run_id "
                        + "AND p.sample_id = a.sample_id WHERE a.run_id = ? AND a." + column + " >= ? AND a." + column + " < ? "
                        + "AND (s.rating >= ?) = ? ORDER BY a.sample_id LIMIT ?",
                rs -> new BinSample(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getObject(5) == null ? Double.NaN : rs.getDouble(5), rs.getFloat(6), rs.getFloat(7)),
                runId, from, to, highThreshold - 1e-9, high, limit);
    }

    public CaseSample sample(Tx tx, long sampleId) throws SQLException {
        Object[] row = Sql.one(tx, "SELECT s.id, c.external_id, p.id, p.name, p.profile, s.rating, s.split, "
                        + "s.hist1, s.hist2, s.hist3, s.hist4, s.hist5 FROM sample s JOIN consumer c ON c.id = s.consumer_id "
                        + "JOIN product p ON p.id = s.product_id WHERE s.id = ?",
                rs -> new Object[]{rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getDouble(6),
                        rs.getString(7), rs.getObject(8), rs.getObject(9), rs.getObject(10), rs.getObject(11), rs.getObject(12)},
                sampleId);
        if (row == null) {
            return null;
        }
        List<HistoryItem> history = new ArrayList<>();
        for (int i = 7; i < 12; i++) {
            if (row[i] != null) {
                int pid = ((Number) row[i]).intValue();
                history.add(Sql.one(tx, "SELECT id, name, profile FROM product WHERE id = ?",
                        rs -> new HistoryItem(rs.getInt(1), rs.getString(2), attributes(tx, pid), rs.getString(3)), pid));
            }
        }
        int productId = (Integer) row[2];
        return new CaseSample((Long) row[0], (String) row[1], productId, (String) row[3], (String) row[4],
                attributes(tx, productId), (Double) row[5], (String) row[6], history);
    }

    private static String attributes(Tx tx, int productId) throws SQLException {
        String s = Sql.one(tx, "SELECT LISTAGG(name || '=' || val, '; ') WITHIN GROUP (ORDER BY name) FROM product_attribute "
                + "WHERE product_id = ?", rs -> rs.getString(1), productId);
        return s == null ? "" : s;
    }

    public List<CaseExplanation> explanations(Tx tx, long sampleId) throws SQLException {
        return Sql.list(tx, "SELECT generator, model, variant, side, status, text FROM explanation WHERE sample_id = ? "
                        + "ORDER BY generator, model, variant, side",
                rs -> new CaseExplanation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), sampleId);
    }

    public List<CasePrediction> predictions(Tx tx, long sampleId) throws SQLException {
        return Sql.list(tx, "SELECT r.id, r.model, r.repeat_no, r.train_fraction, p.val, a.alpha_pos, a.alpha_neg "
                        + "FROM prediction p JOIN run r ON r.id = p.run_id LEFT JOIN attention a ON a.run_id = p.run_id "
                        + "AND a.sample_id = p.sample_id WHERE p.sample_id = ? ORDER BY r.experiment_id DESC, r.model, r.repeat_no",
                rs -> new CasePrediction(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getObject(6) == null ? null : rs.getFloat(6), rs.getObject(7) == null ? null : rs.getFloat(7)),
                sampleId);
    }

    /** The 36 attention weights of one sample in one run (row-major), or null. */
    public float[] attentionMatrix(Tx tx, long runId, long sampleId) throws SQLException {
        byte[] w = Sql.one(tx, "SELECT w FROM attention WHERE run_id = ? AND sample_id = ?", rs -> rs.getBytes(1), runId, sampleId);
        if (w == null) {
            return null;
        }
        java.nio.FloatBuffer fb = java.nio.ByteBuffer.wrap(w).asFloatBuffer();
        float[] out = new float[fb.remaining()];
        fb.get(out);
        return out;
    }

    public List<CaseUncertainty> uncertainty(Tx tx, long sampleId) throws SQLException {
        return Sql.list(tx, "SELECT experiment_id, train_fraction, uncertainty, gain FROM sample_uncertainty WHERE sample_id = ? "
                        + "ORDER BY experiment_id DESC, train_fraction DESC",
                rs -> new CaseUncertainty(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)), sampleId);
    }

    /** A test sample to start the inspector on: the first one with a stored prediction, else the first sample. */
    public Long firstCase(Tx tx) throws SQLException {
        Long withPrediction = Sql.one(tx, "SELECT MIN(sample_id) FROM prediction", rs -> rs.getObject(1) == null ? null : rs.getLong(1));
        return withPrediction != null ? withPrediction
                : Sql.one(tx, "SELECT MIN(id) FROM sample", rs -> rs.getObject(1) == null ? null : rs.getLong(1));
    }
}
