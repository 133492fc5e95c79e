package dev.lrrecsys.workbench.store;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Experiments, runs and their results: curves, test predictions, attention weights, uncertainty vs gain. */
public final class ExperimentRepository {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String CANCELLED = "cancelled";
    /** A run or experiment whose process ended while it ran (kill -9, a crash, power loss): set on the next open. */
    public static final String INTERRUPTED = "interrupted";
    public static final String FAILED = "failed";

    private static final String EXPERIMENT_COLUMNS = "id, created_at, task, models, repeats, epochs, batch_size, "
            + "learning_rate, seed, train_fractions, generator, generator_model, train_samples, test_samples, "
            + "excluded_samples, backend, device, status, validation_fraction, patience, weight_decay, dropout, variant";
    private static final String RUN_COLUMNS = "id, experiment_id, model, repeat_no, seed, train_fraction, epochs, "
            + "status, rmse, mae, rmse_orig, mae_orig, auc, seconds, checkpoint, message";
    private static final int BATCH = 5_000;

    /** Inserts the experiment (its id argument is ignored) and returns its new id. */
    public long createExperiment(Tx tx, ExperimentRecord e) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO experiment (created_at, task, models, repeats, epochs, batch_size, learning_rate, seed, "
                        + "train_fractions, generator, generator_model, train_samples, test_samples, excluded_samples, "
                        + "backend, device, status, validation_fraction, patience, weight_decay, dropout, variant) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Object[] values = {e.createdAt(), e.task(), String.join(",", e.models()), e.repeats(), e.epochs(),
                    e.batchSize(), e.learningRate(), e.seed(), e.trainFractions(), e.generator(), e.generatorModel(),
                    e.trainSamples(), e.testSamples(), e.excludedSamples(), e.backend(), e.device(), e.status(),
                    e.validationFraction(), e.patience(), e.weightDecay(), e.dropout(), e.variant()};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    public void setExperimentStatus(Tx tx, long experimentId, String status) throws SQLException {
        Sql.update(tx, "UPDATE experiment SET status = ? WHERE id = ?", status, experimentId);
    }

    public Optional<ExperimentRecord> experiment(Tx tx, long id) throws SQLException {
        return Optional.ofNullable(Sql.one(tx, "SELECT " + EXPERIMENT_COLUMNS + " FROM experiment WHERE id = ?",
                ExperimentRepository::experimentRow, id));
    }

    public Optional<ExperimentRecord> lastExperiment(Tx tx) throws SQLException {
        return Optional.ofNullable(Sql.one(tx, "SELECT " + EXPERIMENT_COLUMNS + " FROM experiment ORDER BY id DESC LIMIT 1",
                ExperimentRepository::experimentRow));
    }

    public long createRun(Tx tx, long experimentId, String model, int repeat, long seed, double trainFraction,
                          int epochs) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO run (experiment_id, model, repeat_no, seed, train_fraction, epochs, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, experimentId);
            ps.setString(2, model);
            ps.setInt(3, repeat);
            ps.setLong(4, seed);
            ps.setDouble(5, trainFraction);
            ps.setInt(6, epochs);
            ps.setString(7, RUNNING);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** Records a run's epochs used: the epoch whose weights it kept (early stopping may end before the maximum). */
    public void setEpochsUsed(Tx tx, long runId, int epochs) throws SQLException {
        Sql.update(tx, "UPDATE run SET epochs = ? WHERE id = ?", epochs, runId);
    }

    /** Records a finished run's outcome; metrics that were not measured are NaN and stored as NULL. */
    public void finishRun(Tx tx, long runId, String status, double rmse, double mae, double rmseOrig, double maeOrig,
                          double auc, double seconds, String checkpoint, String message) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE run SET status = ?, rmse = ?, mae = ?, rmse_orig = ?, mae_orig = ?, auc = ?, seconds = ?, "
                        + "checkpoint = ?, message = ? WHERE id = ?")) {
            ps.setString(1, status);
            double[] metrics = {rmse, mae, rmseOrig, maeOrig, auc, seconds};
            for (int i = 0; i < metrics.length; i++) {
                if (Double.isNaN(metrics[i])) {
                    ps.setNull(2 + i, Types.DOUBLE);
                } else {
                    ps.setDouble(2 + i, metrics[i]);
                }
            }
            ps.setString(8, checkpoint);
            ps.setString(9, message == null ? null : truncate(message, 1000));
            ps.setLong(10, runId);
            ps.executeUpdate();
        }
    }

    public List<RunRecord> runs(Tx tx, long experimentId) throws SQLException {
        return Sql.list(tx, "SELECT " + RUN_COLUMNS + " FROM run WHERE experiment_id = ? ORDER BY id",
                ExperimentRepository::runRow, experimentId);
    }

    public Optional<RunRecord> run(Tx tx, long runId) throws SQLException {
        return Optional.ofNullable(Sql.one(tx, "SELECT " + RUN_COLUMNS + " FROM run WHERE id = ?",
                ExperimentRepository::runRow, runId));
    }

    /** The newest finished run, optionally only of models that have attention weights stored. */
    public Optional<RunRecord> lastRun(Tx tx, boolean withAttention) throws SQLException {
        String where = withAttention ? " AND EXISTS (SELECT 1 FROM attention a WHERE a.run_id = run.id)" : "";
        return Optional.ofNullable(Sql.one(tx, "SELECT " + RUN_COLUMNS + " FROM run WHERE status = 'done'" + where
                + " ORDER BY id DESC LIMIT 1", ExperimentRepository::runRow));
    }

    /** The newest finished run of {@code preferred} with attention weights, else the newest of any model. */
    public Optional<RunRecord> lastAttentionRun(Tx tx, String preferred) throws SQLException {
        RunRecord run = Sql.one(tx, "SELECT " + RUN_COLUMNS + " FROM run WHERE status = 'done' AND model = ? "
                + "AND EXISTS (SELECT 1 FROM attention a WHERE a.run_id = run.id) ORDER BY id DESC LIMIT 1",
                ExperimentRepository::runRow, preferred);
        return run != null ? Optional.of(run) : lastRun(tx, true);
    }

    /** Removes an unfinished run and everything stored for it (before it is trained again on resume). */
    public void deleteRun(Tx tx, long runId) throws SQLException {
        for (String table : List.of("training_curve", "prediction", "attention", "run_ranking_metric")) {
            Sql.update(tx, "DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
        Sql.update(tx, "DELETE FROM run WHERE id = ?", runId);
    }

    /** Finished runs: the ones with results (cancelled, failed and interrupted runs are not counted). */
    public long countRuns(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM run WHERE status = 'done'");
    }

    public long countInterruptedRuns(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM run WHERE status = ?", INTERRUPTED);
    }

    /**
     * Marks every run and experiment still "running" as interrupted. Only for a project just opened by this process:
     * the database's file lock means no other process can be running them, so such rows are left by one that ended.
     *
     * @return how many runs were marked
     */
    public int markInterrupted(Tx tx) throws SQLException {
        int runs = Sql.update(tx, "UPDATE run SET status = ?, message = 'the process ended while it ran' WHERE status = ?",
                INTERRUPTED, RUNNING);
        Sql.update(tx, "UPDATE experiment SET status = ? WHERE status = ?", INTERRUPTED, RUNNING);
        return runs;
    }

    /** The newest experiment that did not finish (interrupted, cancelled or failed), if it is the last one. */
    public Optional<ExperimentRecord> lastUnfinished(Tx tx) throws SQLException {
        return lastExperiment(tx).filter(e -> !DONE.equals(e.status()) && !RUNNING.equals(e.status()));
    }

    public void addCurvePoint(Tx tx, long runId, int epoch, double loss, double validationMetric) throws SQLException {
        Sql.update(tx, "MERGE INTO training_curve (run_id, epoch, loss, val_metric) KEY (run_id, epoch) VALUES (?, ?, ?, ?)",
                runId, epoch, loss, Double.isNaN(validationMetric) ? null : validationMetric);
    }

    /** Epoch, loss and validation metric (NaN when absent) of a run, in epoch order. */
    public List<double[]> curve(Tx tx, long runId) throws SQLException {
        return Sql.list(tx, "SELECT epoch, loss, val_metric FROM training_curve WHERE run_id = ? ORDER BY epoch",
                rs -> new double[] {rs.getInt(1), rs.getDouble(2), nanIfNull(rs, 3)}, runId);
    }

    public void savePredictions(Tx tx, long runId, long[] sampleIds, float[] values) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO prediction (run_id, sample_id, val) VALUES (?, ?, ?)")) {
            for (int i = 0; i < sampleIds.length; i++) {
                ps.setLong(1, runId);
                ps.setLong(2, sampleIds[i]);
                ps.setFloat(3, values[i]);
                addBatch(ps, i);
            }
            ps.executeBatch();
        }
    }

    /** Sample ids (ascending) and predictions of a run. */
    public SamplePredictions predictions(Tx tx, long runId) throws SQLException {
        List<Object[]> rows = Sql.list(tx, "SELECT sample_id, val FROM prediction WHERE run_id = ? ORDER BY sample_id",
                rs -> new Object[] {rs.getLong(1), rs.getFloat(2)}, runId);
        long[] ids = new long[rows.size()];
        float[] values = new float[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (Long) rows.get(i)[0];
            values[i] = (Float) rows.get(i)[1];
        }
        return new SamplePredictions(ids, values);
    }

    /** Sample ids with one value each, aligned by index. */
    public record SamplePredictions(long[] sampleIds, float[] values) {
    }

    /** Stores n 6x6 attention matrices (n*36 floats, row-major) with Eq. 24's alpha_pos and alpha_neg. */
    public void saveAttention(Tx tx, long runId, long[] sampleIds, float[] weights) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO attention (run_id, sample_id, w, alpha_pos, alpha_neg) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < sampleIds.length; i++) {
                float[] w = Arrays.copyOfRange(weights, i * 36, (i + 1) * 36);
                ps.setLong(1, runId);
                ps.setLong(2, sampleIds[i]);
                ps.setBytes(3, toBytes(w));
                ps.setFloat(4, columnMean(w, 0));
                ps.setFloat(5, columnMean(w, 1));
                addBatch(ps, i);
            }
            ps.executeBatch();
        }
    }

    /** A stored attention matrix with the sample's rating. */
    public record AttentionRow(long sampleId, double rating, float[] weights, float alphaPos, float alphaNeg) {
    }

    public List<AttentionRow> attention(Tx tx, long runId) throws SQLException {
        return Sql.list(tx, "SELECT a.sample_id, s.rating, a.w, a.alpha_pos, a.alpha_neg FROM attention a "
                        + "JOIN sample s ON s.id = a.sample_id WHERE a.run_id = ? ORDER BY a.sample_id",
                rs -> new AttentionRow(rs.getLong(1), rs.getDouble(2), toFloats(rs.getBytes(3)), rs.getFloat(4),
                        rs.getFloat(5)), runId);
    }

    /** @param uncertaintyBaselines per sample over the baselines only; NaN values are stored as NULL (not measured) */
    public void saveUncertainty(Tx tx, long experimentId, double trainFraction, long[] sampleIds, double[] uncertainty,
                                double[] uncertaintyBaselines, double[] gain) throws SQLException {
        Sql.update(tx, "DELETE FROM sample_uncertainty WHERE experiment_id = ? AND train_fraction = ?",
                experimentId, trainFraction);
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO sample_uncertainty "
                + "(experiment_id, train_fraction, sample_id, uncertainty, uncertainty_baselines, gain) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < sampleIds.length; i++) {
                ps.setLong(1, experimentId);
                ps.setDouble(2, trainFraction);
                ps.setLong(3, sampleIds[i]);
                ps.setDouble(4, uncertainty[i]);
                if (Double.isNaN(uncertaintyBaselines[i])) {
                    ps.setNull(5, Types.DOUBLE);
                } else {
                    ps.setDouble(5, uncertaintyBaselines[i]);
                }
                ps.setDouble(6, gain[i]);
                addBatch(ps, i);
            }
            ps.executeBatch();
        }
    }

    /**
     * Per-sample uncertainty (the paper's, over all models), uncertainty over the baselines only (NaN where not
     * measured) and gain, of one experiment and training fraction.
     */
    public record UncertaintyRow(long sampleId, double uncertainty, double uncertaintyBaselines, double gain) {
    }

    public List<UncertaintyRow> uncertainty(Tx tx, long experimentId, double trainFraction) throws SQLException {
        return Sql.list(tx, "SELECT sample_id, uncertainty, uncertainty_baselines, gain FROM sample_uncertainty "
                        + "WHERE experiment_id = ? AND train_fraction = ? ORDER BY sample_id",
                rs -> {
                    double baselines = rs.getDouble(3);
                    return new UncertaintyRow(rs.getLong(1), rs.getDouble(2), rs.wasNull() ? Double.NaN : baselines,
                            rs.getDouble(4));
                }, experimentId, trainFraction);
    }

    /** The training fractions that have uncertainty rows in an experiment, ascending. */
    public List<Double> uncertaintyFractions(Tx tx, long experimentId) throws SQLException {
        return Sql.list(tx, "SELECT DISTINCT train_fraction FROM sample_uncertainty WHERE experiment_id = ? "
                + "ORDER BY train_fraction", rs -> rs.getDouble(1), experimentId);
    }

    static float columnMean(float[] w36, int column) {
        float sum = 0;
        for (int row = 0; row < 6; row++) {
            sum += w36[row * 6 + column];
        }
        return sum / 6;
    }

    private static void addBatch(PreparedStatement ps, int index) throws SQLException {
        ps.addBatch();
        if ((index + 1) % BATCH == 0) {
            ps.executeBatch();
        }
    }

    static byte[] toBytes(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static float[] toFloats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        float[] out = new float[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static double nanIfNull(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static ExperimentRecord experimentRow(ResultSet rs) throws SQLException {
        return new ExperimentRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                List.of(rs.getString(4).split(",")), rs.getInt(5), rs.getInt(6), rs.getDouble(19), rs.getInt(20),
                rs.getInt(7), rs.getDouble(8),
                rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13), rs.getInt(14),
                rs.getInt(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getDouble(21),
                rs.getDouble(22), rs.getString(23));
    }

    private static RunRecord runRow(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                rs.getDouble(6), rs.getInt(7), rs.getString(8), nullable(rs, 9), nullable(rs, 10), nullable(rs, 11),
                nullable(rs, 12), nullable(rs, 13), nullable(rs, 14), rs.getString(15), rs.getString(16));
    }
}
