package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Versioned prompt templates per domain and kind: versions are never overwritten, an edit adds one. */
public final class PromptTemplateRepository {

    /** One stored version of a template. */
    public record StoredTemplate(String domain, String kind, int version, String text, OffsetDateTime createdAt) {
    }

    public Optional<StoredTemplate> latest(Tx tx, String domain, String kind) throws SQLException {
        return Optional.ofNullable(Sql.one(tx,
                "SELECT domain, kind, version, text, created_at FROM prompt_template WHERE domain = ? AND kind = ? "
                        + "ORDER BY version DESC LIMIT 1",
                rs -> new StoredTemplate(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)), domain, kind));
    }

    public List<StoredTemplate> versions(Tx tx, String domain, String kind) throws SQLException {
        return Sql.list(tx, "SELECT domain, kind, version, text, created_at FROM prompt_template "
                        + "WHERE domain = ? AND kind = ? ORDER BY version",
                rs -> new StoredTemplate(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)), domain, kind);
    }

    /** Saves the text as the next version of the template and returns that version number. */
    public int saveNewVersion(Tx tx, String domain, String kind, String text) throws SQLException {
        int next = (int) Sql.count(tx, "SELECT COALESCE(MAX(version), 0) + 1 FROM prompt_template WHERE domain = ? AND kind = ?",
                domain, kind);
        Sql.update(tx, "INSERT INTO prompt_template (domain, kind, version, text, created_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
                domain, kind, next, text);
        return next;
    }
}
