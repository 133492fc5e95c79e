package dev.lrrecsys.workbench.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cache of sentence embeddings of explanation pairs (ablation 2; variant contrastive or concise): which explanations still need
 * one (new or rewritten text), storing them, and reading them back as positive/negative pairs per sample.
 */
public final class SentenceEmbeddingRepository {

    private static final String USABLE = "e.status = 'ok' AND e.variant = ? "
            + "AND e.side IN ('positive', 'negative') AND e.generator = ? AND e.model = ?";

    /** An explanation whose text still needs embedding. */
    public record PendingText(long explanationId, String text) {
    }

    /** Usable explanations of a generator+model+variant without an up-to-date embedding, in id order. */
    public List<PendingText> pending(Tx tx, String generator, String model, String variant) throws SQLException {
        List<Object[]> rows = Sql.list(tx, "SELECT e.id, e.text, s.text_hash FROM explanation e "
                        + "LEFT JOIN sentence_embedding s ON s.explanation_id = e.id WHERE " + USABLE + " ORDER BY e.id",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, variant, generator, model);
        return rows.stream()
                .filter(r -> r[2] == null || !r[2].equals(hash((String) r[1])))
                .map(r -> new PendingText((Long) r[0], (String) r[1]))
                .collect(Collectors.toList());
    }

    public void save(Tx tx, List<PendingText> texts, List<float[]> vectors) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "MERGE INTO sentence_embedding (explanation_id, text_hash, dim, vec) KEY (explanation_id) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < texts.size(); i++) {
                ps.setLong(1, texts.get(i).explanationId());
                ps.setString(2, hash(texts.get(i).text()));
                ps.setInt(3, vectors.get(i).length);
                ps.setBytes(4, ExperimentRepository.toBytes(vectors.get(i)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** sample id -> {positive vector, negative vector} for samples that have both sides embedded. */
    public Map<Long, float[][]> pairs(Tx tx, String generator, String model, String variant) throws SQLException {
        Map<Long, float[][]> out = new HashMap<>();
        Sql.list(tx, "SELECT e.sample_id, e.side, s.vec FROM explanation e "
                + "JOIN sentence_embedding s ON s.explanation_id = e.id WHERE " + USABLE, rs -> {
                    float[][] pair = out.computeIfAbsent(rs.getLong(1), k -> new float[2][]);
                    pair[rs.getString(2).equals("positive") ? 0 : 1] = ExperimentRepository.toFloats(rs.getBytes(3));
                    return null;
                }, variant, generator, model);
        out.values().removeIf(p -> p[0] == null || p[1] == null);
        return out;
    }

    /** Number of usable explanation rows (both sides) of a generator+model+variant. */
    public long countUsable(Tx tx, String generator, String model, String variant) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM explanation e WHERE " + USABLE, variant, generator, model);
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
