package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored explanations: one row per (sample, variant, side, generator, model). New rows are inserted in
 * batches; a row that failed before is updated when a later run gets an answer for it.
 */
public final class ExplanationRepository {

    /** One explanation row as written and read. */
    public record ExplanationRow(long sampleId, String variant, String side, String generator, String model,
                                 Integer templateVersion, String promptHash, String status, String text,
                                 String reason) {
    }

    /** A row reused from a seed sample by the reasoning pool, as {@link #statuses} reports it. */
    public static final String RETRIEVED = "retrieved";

    /**
     * The stored status of each side of the samples in an id range: sample id -> side -> status, where a row
     * the reasoning pool reused from a seed sample reads {@value #RETRIEVED} (a generator replaces it).
     */
    public Map<Long, Map<String, String>> statuses(Tx tx, String variant, String generator, String model,
                                                   long fromId, long toId) throws SQLException {
        Map<Long, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT sample_id, side, CASE WHEN source = 'retrieved' THEN "
                        + "'retrieved' ELSE status END FROM explanation WHERE variant = ? "
                        + "AND generator = ? AND model = ? AND sample_id BETWEEN ? AND ?",
                variant, generator, model, fromId, toId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>(4)).put(rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }

    /** Rows that need no new attempt (ok or rejected) for samples with id up to maxSampleId. */
    /** Rows a run will not ask for again: every row but failed ones, and but rejected ones when they are retried. */
    public long countSettled(Tx tx, String variant, String generator, String model, long maxSampleId,
                             boolean retryRejected) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM explanation WHERE variant = ? AND generator = ? AND model = ? "
                        + "AND status <> 'failed' AND (status <> 'rejected' OR ? = FALSE) AND source = 'generated' AND sample_id <= ?",
                variant, generator, model, retryRejected, maxSampleId);
    }

    /** A stored row answered again: its new content and the status it had (for the explorer's counts). */
    public record Replacement(ExplanationRow row, String previousStatus) {
    }

    /** Inserts the rows of samples that have none yet and replaces the given previously failed or rejected ones. */
    public void save(Tx tx, List<ExplanationRow> inserts, List<Replacement> updates) throws SQLException {
        if (!inserts.isEmpty()) {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO explanation (template_version, "
                    + "prompt_hash, status, text, reason, sample_id, variant, side, generator, model, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                for (ExplanationRow r : inserts) {
                    bind(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE explanation SET template_version = ?, "
                    + "prompt_hash = ?, status = ?, text = ?, reason = ?, source = 'generated', seed_sample_id = NULL, "
                    + "similarity = NULL, created_at = CURRENT_TIMESTAMP "
                    + "WHERE sample_id = ? AND variant = ? AND side = ? AND generator = ? AND model = ?")) {
                for (Replacement r : updates) {
                    bind(ps, r.row());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        countInExplorer(tx, inserts, updates);
    }

    /** Keeps explanation_count (the explorer's totals) in step: a replaced row leaves its previous status. */
    private static void countInExplorer(Tx tx, List<ExplanationRow> inserts, List<Replacement> updates) throws SQLException {
        Map<List<String>, Long> deltas = new HashMap<>();
        for (ExplanationRow r : inserts) {
            deltas.merge(List.of(r.generator(), r.model(), r.variant(), r.side(), r.status()), 1L, Long::sum);
        }
        for (Replacement u : updates) {
            ExplanationRow r = u.row();
            String previous = RETRIEVED.equals(u.previousStatus()) ? "ok" : u.previousStatus();
            deltas.merge(List.of(r.generator(), r.model(), r.variant(), r.side(), previous), -1L, Long::sum);
            deltas.merge(List.of(r.generator(), r.model(), r.variant(), r.side(), r.status()), 1L, Long::sum);
        }
        ViewSummaries.addExplanationCounts(tx, deltas);
    }

    private static void bind(PreparedStatement ps, ExplanationRow r) throws SQLException {
        if (r.templateVersion() == null) {
            ps.setNull(1, Types.INTEGER);
        } else {
            ps.setInt(1, r.templateVersion());
        }
        ps.setString(2, r.promptHash());
        ps.setString(3, r.status());
        ps.setString(4, r.text());
        ps.setString(5, r.reason());
        ps.setLong(6, r.sampleId());
        ps.setString(7, r.variant());
        ps.setString(8, r.side());
        ps.setString(9, r.generator());
        ps.setString(10, r.model());
    }

    public List<ExplanationRow> all(Tx tx, String generator, String model) throws SQLException {
        return Sql.list(tx, "SELECT sample_id, variant, side, generator, model, template_version, prompt_hash, status, "
                + "text, reason FROM explanation WHERE generator = ? AND model = ? ORDER BY sample_id, variant, side",
                ExplanationRepository::row, generator, model);
    }

    private static ExplanationRow row(ResultSet rs) throws SQLException {
        int tv = rs.getInt(6);
        Integer templateVersion = rs.wasNull() ? null : tv;
        return new ExplanationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                templateVersion, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    /** "generator / model / variant" -> status -> count, for `lrw info`. */
    public Map<String, Map<String, Long>> countsBySource(Tx tx) throws SQLException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT generator, model, variant, status, COUNT(*) FROM explanation "
                + "GROUP BY generator, model, variant, status ORDER BY generator, model, variant, status");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1) + " / " + rs.getString(2) + " / " + rs.getString(3),
                        k -> new LinkedHashMap<>()).put(rs.getString(4), rs.getLong(5));
            }
        }
        return out;
    }

    /**
     * Writes what is committed to the database file now: H2 otherwise writes committed changes up to half a
     * second later, and a killed process (kill -9) would lose its last batches.
     */
    public void writeToDisk(Tx tx) throws SQLException {
        Sql.update(tx, "CHECKPOINT");
    }

    /** One line for `lrw info`: per generator / model / variant, its ok, rejected and failed counts. */
    public String describeCounts(Tx tx) throws SQLException {
        Map<String, Map<String, Long>> counts = countsBySource(tx);
        if (counts.isEmpty()) {
            return "0 (generate them with `lrw generate`)";
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((source, byStatus) -> {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(source).append(": ").append(byStatus.getOrDefault("ok", 0L)).append(" ok, ")
                    .append(byStatus.getOrDefault("rejected", 0L)).append(" rejected, ")
                    .append(byStatus.getOrDefault("failed", 0L)).append(" failed");
        });
        return b.toString();
    }
}
