package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alignment probes and scores (tables {@code alignment_probe}, {@code alignment_score}) and the candidates of
 * best-of-N generation ({@code explanation_candidate}); docs/alignment.md says what the figures mean.
 */
public final class AlignmentRepository {

    /** A sample with both sides of one source's ok pair (null where a side is missing or not ok). */
    public record PairRow(long sampleId, int consumerId, int productId, double rating, boolean test, String positive,
                          String negative) {
    }

    /** A finished probe as best-of-N reads it. */
    public record ProbeRow(long id, String generator, String model, String variant, double trainMean, String weights,
                           OffsetDateTime finishedAt) {
    }

    /** One stored score. */
    public record ScoreRow(long sampleId, float probePrediction, float idPrediction, float lc, float ic) {
    }

    /** One best-of-N candidate. */
    public record CandidateRow(long sampleId, String variant, String side, String generator, String model, int candidate,
                               int candidates, String status, String text, Float score, String reason) {
    }

    /**
     * Every sample (consumer, then time order, as the models read them) with the source's ok texts of both
     * contrastive sides; samples without them have null texts.
     */
    public List<PairRow> pairs(Tx tx, String generator, String model, String variant) throws SQLException {
        return Sql.list(tx, "SELECT s.id, s.consumer_id, s.product_id, s.rating, s.split, p.text, n.text FROM sample s "
                        + "LEFT JOIN explanation p ON p.sample_id = s.id AND p.side = 'positive' AND p.status = 'ok' "
                        + "AND p.variant = ? AND p.generator = ? AND p.model = ? "
                        + "LEFT JOIN explanation n ON n.sample_id = s.id AND n.side = 'negative' AND n.status = 'ok' "
                        + "AND n.variant = ? AND n.generator = ? AND n.model = ? "
                        + "ORDER BY s.consumer_id, s.position, s.id",
                rs -> new PairRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4), "test".equals(rs.getString(5)),
                        rs.getString(6), rs.getString(7)),
                variant, generator, model, variant, generator, model);
    }

    /** Ok explanations of a source, any side. */
    public long countOk(Tx tx, String generator, String model, String variant) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM explanation WHERE status = 'ok' AND generator = ? AND model = ? "
                + "AND variant = ?", generator, model, variant);
    }

    /** Removes probes that never finished (an interrupted scoring) with their scores. */
    public void deleteUnfinished(Tx tx) throws SQLException {
        Sql.update(tx, "DELETE FROM alignment_score WHERE probe_id IN (SELECT id FROM alignment_probe WHERE finished_at IS NULL)");
        Sql.update(tx, "DELETE FROM alignment_probe WHERE finished_at IS NULL");
    }

    /** Records a probe whose scores are about to be written; returns its id. */
    public long start(Tx tx, String generator, String model, String variant, int vocabularySize, long trainSamples,
                      long validationSamples, double trainMean, double l2, double probeValidationRmse,
                      double idValidationRmse, int idEpochs, String weights) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO alignment_probe (generator, model, variant, vocabulary_size, train_samples, validation_samples, "
                        + "train_mean, l2, probe_validation_rmse, id_validation_rmse, id_epochs, weights, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            Object[] values = {generator, model, variant, vocabularySize, trainSamples, validationSamples, trainMean, l2,
                    finite(probeValidationRmse), finite(idValidationRmse), idEpochs, weights, OffsetDateTime.now()};
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

    public void writeScores(Tx tx, long probeId, List<ScoreRow> scores) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("MERGE INTO alignment_score (probe_id, sample_id, "
                + "probe_prediction, id_prediction, lc, ic) KEY (probe_id, sample_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ScoreRow s : scores) {
                ps.setLong(1, probeId);
                ps.setLong(2, s.sampleId());
                ps.setFloat(3, s.probePrediction());
                ps.setFloat(4, s.idPrediction());
                ps.setFloat(5, s.lc());
                ps.setFloat(6, s.ic());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Marks the probe usable and removes the earlier probes of its source with their scores. */
    public void finish(Tx tx, long probeId) throws SQLException {
        ProbeRow p = Sql.one(tx, "SELECT id, generator, model, variant, train_mean, weights, finished_at FROM alignment_probe "
                + "WHERE id = ?", AlignmentRepository::probe, probeId);
        Sql.update(tx, "DELETE FROM alignment_score WHERE probe_id IN (SELECT id FROM alignment_probe WHERE generator = ? "
                + "AND model = ? AND variant = ? AND id <> ?)", p.generator(), p.model(), p.variant(), probeId);
        Sql.update(tx, "DELETE FROM alignment_probe WHERE generator = ? AND model = ? AND variant = ? AND id <> ?",
                p.generator(), p.model(), p.variant(), probeId);
        Sql.update(tx, "UPDATE alignment_probe SET finished_at = ? WHERE id = ?", OffsetDateTime.now(), probeId);
    }

    /** The finished probe of a source, if it was scored. */
    public Optional<ProbeRow> probe(Tx tx, String generator, String model, String variant) throws SQLException {
        return Optional.ofNullable(Sql.one(tx, "SELECT id, generator, model, variant, train_mean, weights, finished_at "
                + "FROM alignment_probe WHERE generator = ? AND model = ? AND variant = ? AND finished_at IS NOT NULL "
                + "ORDER BY id DESC", AlignmentRepository::probe, generator, model, variant));
    }

    /** The scores of a probe by sample id. */
    public Map<Long, ScoreRow> scores(Tx tx, long probeId) throws SQLException {
        Map<Long, ScoreRow> out = new HashMap<>();
        for (ScoreRow s : Sql.list(tx, "SELECT sample_id, probe_prediction, id_prediction, lc, ic FROM alignment_score "
                + "WHERE probe_id = ?", AlignmentRepository::score, probeId)) {
            out.put(s.sampleId(), s);
        }
        return out;
    }

    /** The stored scores of one sample's pair under the source's finished probe; empty when it was not scored. */
    public Optional<ScoreRow> score(Tx tx, String generator, String model, String variant, long sampleId) throws SQLException {
        Optional<ProbeRow> probe = probe(tx, generator, model, variant);
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Sql.one(tx, "SELECT sample_id, probe_prediction, id_prediction, lc, ic FROM alignment_score "
                + "WHERE probe_id = ? AND sample_id = ?", AlignmentRepository::score, probe.get().id(), sampleId));
    }

    /** The number of samples whose candidates of this source were chosen by a best-of-{@code n} run. */
    public List<Long> samplesWithCandidates(Tx tx, String generator, String model, String variant, int n, long first,
                                            long last) throws SQLException {
        return Sql.list(tx, "SELECT DISTINCT sample_id FROM explanation_candidate WHERE generator = ? AND model = ? "
                        + "AND variant = ? AND candidates = ? AND status = 'chosen' AND sample_id BETWEEN ? AND ?",
                rs -> rs.getLong(1), generator, model, variant, n, first, last);
    }

    /** The stored candidates of a source for samples in an id range (to reuse candidate 0 of earlier runs). */
    public List<CandidateRow> candidates(Tx tx, String generator, String model, String variant, long first, long last)
            throws SQLException {
        return Sql.list(tx, "SELECT sample_id, variant, side, generator, model, candidate, candidates, status, text, score, "
                        + "reason FROM explanation_candidate WHERE generator = ? AND model = ? AND variant = ? "
                        + "AND sample_id BETWEEN ? AND ? ORDER BY sample_id, side, candidate",
                rs -> {
                    float sc = rs.getFloat(10);
                    Float score = rs.wasNull() ? null : sc;
                    return new CandidateRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), score,
                            rs.getString(11));
                }, generator, model, variant, first, last);
    }

    /**
     * Stores one page of best-of-N results in one go: the candidates (replacing earlier runs' for those samples
     * and sides), the chosen texts into the explanation rows, and the chosen pairs' scores under the probe.
     */
    public void saveChoices(Tx tx, List<CandidateRow> candidates, long probeId, List<ScoreRow> scores) throws SQLException {
        try (PreparedStatement delete = tx.connection().prepareStatement("DELETE FROM explanation_candidate WHERE "
                + "sample_id = ? AND variant = ? AND side = ? AND generator = ? AND model = ?")) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (CandidateRow c : candidates) {
                if (seen.add(c.sampleId() + "|" + c.side())) {
                    delete.setLong(1, c.sampleId());
                    delete.setString(2, c.variant());
                    delete.setString(3, c.side());
                    delete.setString(4, c.generator());
                    delete.setString(5, c.model());
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
        OffsetDateTime now = OffsetDateTime.now();
        try (PreparedStatement insert = tx.connection().prepareStatement("INSERT INTO explanation_candidate (sample_id, "
                + "variant, side, generator, model, candidate, candidates, status, text, score, reason, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = tx.connection().prepareStatement("UPDATE explanation SET text = ? WHERE "
                     + "sample_id = ? AND variant = ? AND side = ? AND generator = ? AND model = ? AND status = 'ok'")) {
            for (CandidateRow c : candidates) {
                insert.setLong(1, c.sampleId());
                insert.setString(2, c.variant());
                insert.setString(3, c.side());
                insert.setString(4, c.generator());
                insert.setString(5, c.model());
                insert.setInt(6, c.candidate());
                insert.setInt(7, c.candidates());
                insert.setString(8, c.status());
                insert.setString(9, c.text());
                insert.setObject(10, c.score());
                insert.setString(11, c.reason());
                insert.setObject(12, now);
                insert.addBatch();
                if (c.status().equals("chosen")) {
                    update.setString(1, c.text());
                    update.setLong(2, c.sampleId());
                    update.setString(3, c.variant());
                    update.setString(4, c.side());
                    update.setString(5, c.generator());
                    update.setString(6, c.model());
                    update.addBatch();
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        writeScores(tx, probeId, scores);
    }

    /** Candidates stored per status, for a source. */
    public Map<String, Long> candidateCounts(Tx tx, String generator, String model, String variant) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (Object[] r : Sql.list(tx, "SELECT status, COUNT(*) FROM explanation_candidate WHERE generator = ? AND "
                + "model = ? AND variant = ? GROUP BY status", rs -> new Object[]{rs.getString(1), rs.getLong(2)},
                generator, model, variant)) {
            out.put((String) r[0], (Long) r[1]);
        }
        return out;
    }

    /** The (generator, model) pairs with ok explanations of a variant, most explanations first. */
    public List<String[]> sources(Tx tx, String variant) throws SQLException {
        List<String[]> out = new ArrayList<>();
        out.addAll(Sql.list(tx, "SELECT generator, model FROM explanation WHERE status = 'ok' AND variant = ? "
                + "GROUP BY generator, model ORDER BY COUNT(*) DESC, generator, model",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, variant));
        return out;
    }

    /**
     * The explorer's page when alignment scores order or narrow it: explanations of scored pairs (the source's
     * finished probe) that match both filters, ordered by the chosen score then id. The page key is the row offset
     * (these orders have no single key to continue after).
     */
    public Page<ExplanationBrowseRepository.ExplanationRow> browse(Tx tx, ExplanationFilter f, AlignmentFilter a,
                                                                   long after, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = ExplanationBrowseRepository.explanationWhere(f, params);
        String joinWhere = ExplanationBrowseRepository.joinWhere(f, params);
        StringBuilder scoreWhere = new StringBuilder();
        bound(scoreWhere, params, "a.lc >= ?", a.lcMin());
        bound(scoreWhere, params, "a.lc <= ?", a.lcMax());
        bound(scoreWhere, params, "a.ic >= ?", a.icMin());
        bound(scoreWhere, params, "a.ic <= ?", a.icMax());
        String from = " FROM explanation e" + ExplanationBrowseRepository.JOIN_SAMPLE
                + " JOIN alignment_probe ap ON ap.generator = e.generator AND ap.model = e.model AND ap.variant = e.variant"
                + " AND ap.finished_at IS NOT NULL JOIN alignment_score a ON a.probe_id = ap.id AND a.sample_id = e.sample_id"
                + " WHERE TRUE" + where.replaceFirst("^ WHERE", " AND") + joinWhere + scoreWhere;
        long total = Sql.count(tx, "SELECT COUNT(*)" + from, params.toArray());
        long offset = Math.max(0, after);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        String order = a.order().sql() == null ? "e.id" : a.order().sql() + ", e.id";
        List<ExplanationBrowseRepository.ExplanationRow> rows = Sql.list(tx, ExplanationBrowseRepository.SELECT + from
                + " ORDER BY " + order + " LIMIT ? OFFSET ?", ExplanationBrowseRepository::row, pageParams.toArray());
        long next = offset + rows.size();
        return new Page<>(rows, total, next, next < total);
    }

    /** LC and IC by explanation id for the given explanations (those of scored pairs only). */
    public Map<Long, float[]> scoresOf(Tx tx, List<Long> explanationIds) throws SQLException {
        Map<Long, float[]> out = new HashMap<>();
        if (explanationIds.isEmpty()) {
            return out;
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < explanationIds.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        for (Object[] r : Sql.list(tx, "SELECT e.id, a.lc, a.ic FROM explanation e JOIN alignment_probe ap ON "
                        + "ap.generator = e.generator AND ap.model = e.model AND ap.variant = e.variant AND ap.finished_at IS NOT NULL "
                        + "JOIN alignment_score a ON a.probe_id = ap.id AND a.sample_id = e.sample_id WHERE e.id IN (" + in + ")",
                rs -> new Object[]{rs.getLong(1), new float[]{rs.getFloat(2), rs.getFloat(3)}}, explanationIds.toArray())) {
            out.put((Long) r[0], (float[]) r[1]);
        }
        return out;
    }

    private static void bound(StringBuilder where, List<Object> params, String clause, Double value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            params.add(value);
        }
    }

    private static ProbeRow probe(ResultSet rs) throws SQLException {
        return new ProbeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class));
    }

    private static ScoreRow score(ResultSet rs) throws SQLException {
        return new ScoreRow(rs.getLong(1), rs.getFloat(2), rs.getFloat(3), rs.getFloat(4), rs.getFloat(5));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
