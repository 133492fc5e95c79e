package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Explanation autoencoders and the codes they give: reads the explanation pairs of one variant ('contrastive' or
 * 'concise') a generator and model wrote (with their sample's split), records each training with its variant, and
 * writes codes in batches.
 */
public final class ExplanationCodeRepository {

    public static final int CODE_DIM = 8;

    /** One ok explanation sentence of a pair; {@code test} is its sample's split. */
    public record ExplanationText(long explanationId, long sampleId, boolean positive, boolean test, String text) {
    }

    /** What a training was run with and what it reached. */
    public record AutoencoderInfo(long id, String generator, String model, int vocabularySize, int epochs,
                                  String optimizer, double learningRate, int batchSize, long trainSentences,
                                  long testSentences, Double finalLoss, Double trainAccuracy, Double testAccuracy,
                                  String checkpoint, long codesWritten, OffsetDateTime createdAt,
                                  OffsetDateTime finishedAt, String variant) {
    }

    /** Receives one stored code with the sample and side of its explanation. */
    @FunctionalInterface
    public interface CodeVisitor {
        void code(long sampleId, boolean positive, float[] code);
    }

    /** The variant autoencoders were trained on before a variant could be chosen. */
    public static final String CONTRASTIVE = "contrastive";

    /** Status ok, sides positive and negative, of one generator, model and variant, by id. */
    public List<ExplanationText> pairTexts(Tx tx, String generator, String model, String variant) throws SQLException {
        return Sql.list(tx, "SELECT e.id, e.sample_id, e.side, s.split, e.text FROM explanation e "
                        + "JOIN sample s ON s.id = e.sample_id "
                        + "WHERE e.status = 'ok' AND e.variant = ? AND e.side IN ('positive', 'negative') "
                        + "AND e.generator = ? AND e.model = ? AND e.text IS NOT NULL ORDER BY e.id",
                rs -> new ExplanationText(rs.getLong(1), rs.getLong(2), "positive".equals(rs.getString(3)),
                        "test".equals(rs.getString(4)), rs.getString(5)),
                variant, generator, model);
    }

    /** Records a training that starts now; returns its id. */
    public long start(Tx tx, String generator, String model, int vocabularySize, int epochs, String optimizer,
                      double learningRate, int batchSize, long trainSentences, long testSentences, String checkpoint)
            throws SQLException {
        return start(tx, generator, model, CONTRASTIVE, vocabularySize, epochs, optimizer, learningRate, batchSize,
                trainSentences, testSentences, checkpoint, 0, 0);
    }

    /** The same for the pairs of {@code variant}, with the weight decay and dropout the training uses. */
    public long start(Tx tx, String generator, String model, String variant, int vocabularySize, int epochs,
                      String optimizer, double learningRate, int batchSize, long trainSentences, long testSentences,
                      String checkpoint, double weightDecay, double dropout) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO autoencoder (generator, model, vocabulary_size, epochs, optimizer, learning_rate, batch_size, "
                        + "train_sentences, test_sentences, checkpoint, created_at, weight_decay, dropout, variant) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Object[] values = {generator, model, vocabularySize, epochs, optimizer, learningRate, batchSize,
                    trainSentences, testSentences, checkpoint, OffsetDateTime.now(), weightDecay, dropout, variant};
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

    public void setCheckpoint(Tx tx, long id, String checkpoint) throws SQLException {
        Sql.update(tx, "UPDATE autoencoder SET checkpoint = ? WHERE id = ?", checkpoint, id);
    }

    public void recordTraining(Tx tx, long id, double finalLoss, double trainAccuracy, double testAccuracy)
            throws SQLException {
        Sql.update(tx, "UPDATE autoencoder SET final_loss = ?, train_accuracy = ?, test_accuracy = ? WHERE id = ?",
                finalLoss, nullIfNaN(trainAccuracy), nullIfNaN(testAccuracy), id);
    }

    /**
     * Writes the codes ({@code codes} holds 8 values per explanation, in order) in one batch and counts
     * them on the autoencoder row.
     */
    public void writeCodes(Tx tx, long autoencoderId, long[] explanationIds, float[] codes) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO explanation_code (autoencoder_id, explanation_id, c0, c1, c2, c3, c4, c5, c6, c7) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < explanationIds.length; i++) {
                ps.setLong(1, autoencoderId);
                ps.setLong(2, explanationIds[i]);
                for (int k = 0; k < CODE_DIM; k++) {
                    ps.setFloat(3 + k, codes[i * CODE_DIM + k]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Sql.update(tx, "UPDATE autoencoder SET codes_written = codes_written + ? WHERE id = ?",
                explanationIds.length, autoencoderId);
    }

    public void finish(Tx tx, long autoencoderId) throws SQLException {
        Sql.update(tx, "UPDATE autoencoder SET finished_at = ? WHERE id = ?", OffsetDateTime.now(), autoencoderId);
    }

    public Optional<AutoencoderInfo> find(Tx tx, long id) throws SQLException {
        return Optional.ofNullable(Sql.one(tx, SELECT_INFO + "WHERE id = ?", ExplanationCodeRepository::info, id));
    }

    /** The newest autoencoder of this generator, model and variant whose codes are all written. */
    public Optional<AutoencoderInfo> latestFinished(Tx tx, String generator, String model, String variant)
            throws SQLException {
        return Optional.ofNullable(Sql.one(tx, SELECT_INFO + "WHERE generator = ? AND model = ? AND variant = ? "
                        + "AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1",
                ExplanationCodeRepository::info, generator, model, variant));
    }

    /** The newest finished autoencoder of any generator, for `lrw info`. */
    public Optional<AutoencoderInfo> latestFinished(Tx tx) throws SQLException {
        return Optional.ofNullable(Sql.one(tx, SELECT_INFO + "WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1",
                ExplanationCodeRepository::info));
    }

    /** Every code of one autoencoder with its explanation's sample and side. */
    public void forEachCode(Tx tx, long autoencoderId, CodeVisitor visitor) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT e.sample_id, e.side, c.c0, c.c1, c.c2, c.c3, c.c4, c.c5, c.c6, c.c7 "
                + "FROM explanation_code c JOIN explanation e ON e.id = c.explanation_id WHERE c.autoencoder_id = ?",
                autoencoderId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                float[] code = new float[CODE_DIM];
                for (int k = 0; k < CODE_DIM; k++) {
                    code[k] = rs.getFloat(3 + k);
                }
                visitor.code(rs.getLong(1), "positive".equals(rs.getString(2)), code);
            }
        }
    }

    private static final String SELECT_INFO = "SELECT id, generator, model, vocabulary_size, epochs, optimizer, learning_rate, "
            + "batch_size, train_sentences, test_sentences, final_loss, train_accuracy, test_accuracy, checkpoint, "
            + "codes_written, created_at, finished_at, variant FROM autoencoder ";

    private static AutoencoderInfo info(ResultSet rs) throws SQLException {
        return new AutoencoderInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getString(6), rs.getDouble(7), rs.getInt(8), rs.getLong(9), rs.getLong(10),
                (Double) rs.getObject(11), (Double) rs.getObject(12), (Double) rs.getObject(13), rs.getString(14),
                rs.getLong(15), rs.getObject(16, OffsetDateTime.class), rs.getObject(17, OffsetDateTime.class),
                rs.getString(18));
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * Removes autoencoders that never finished (their process was killed) with their codes; returns their checkpoint
     * paths (relative to the project folder) for the caller to delete. Models read only finished autoencoders, so
     * nothing is lost; this only leaves nothing half-made. Like {@link ExperimentRepository#markInterrupted}, only for
     * a project this process has just opened.
     */
    public List<String> removeUnfinished(Tx tx) throws SQLException {
        List<String> checkpoints = Sql.list(tx, "SELECT checkpoint FROM autoencoder WHERE finished_at IS NULL",
                rs -> rs.getString(1));
        Sql.update(tx, "DELETE FROM explanation_code WHERE autoencoder_id IN "
                + "(SELECT id FROM autoencoder WHERE finished_at IS NULL)");
        Sql.update(tx, "DELETE FROM autoencoder WHERE finished_at IS NULL");
        return checkpoints;
    }
}
