package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers of LLM generators by (prompt hash, generator, model): a prompt answered once is never sent again. */
public final class PromptCacheRepository {

    /** A cached answer: status ok (text) or rejected (reason). */
    public record CachedAnswer(String promptHash, Integer templateVersion, String status, String text, String reason) {
    }

    public Map<String, CachedAnswer> find(Tx tx, String generator, String model, Collection<String> hashes)
            throws SQLException {
        Map<String, CachedAnswer> out = new HashMap<>();
        if (hashes.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT prompt_hash, template_version, status, text, "
                + "reason FROM prompt_cache WHERE generator = ? AND model = ? AND prompt_hash = ANY(?)")) {
            ps.setString(1, generator);
            ps.setString(2, model);
            ps.setObject(3, hashes.toArray(new String[0]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int tv = rs.getInt(2);
                    out.put(rs.getString(1), new CachedAnswer(rs.getString(1), rs.wasNull() ? null : tv,
                            rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    public void put(Tx tx, String generator, String model, List<CachedAnswer> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("MERGE INTO prompt_cache (prompt_hash, generator, model, "
                + "template_version, status, text, reason, created_at) KEY (prompt_hash, generator, model) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (CachedAnswer a : answers) {
                ps.setString(1, a.promptHash());
                ps.setString(2, generator);
                ps.setString(3, model);
                if (a.templateVersion() == null) {
                    ps.setNull(4, Types.INTEGER);
                } else {
                    ps.setInt(4, a.templateVersion());
                }
                ps.setString(5, a.status());
                ps.setString(6, a.text());
                ps.setString(7, a.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public long count(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM prompt_cache");
    }
}
