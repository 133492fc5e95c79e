package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.Optional;

/** The project's dataset row and its import log. */
public final class DatasetRepository {

    public Optional<DatasetInfo> find(Tx tx) throws SQLException {
        return Optional.ofNullable(Sql.one(tx,
                "SELECT name, format, domain, source, rating_min, rating_max, high_threshold, has_time, imported_at "
                        + "FROM dataset WHERE id = 1",
                rs -> new DatasetInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getBoolean(8),
                        rs.getObject(9, java.time.OffsetDateTime.class))));
    }

    public void save(Tx tx, DatasetInfo d) throws SQLException {
        Sql.update(tx, "MERGE INTO dataset (id, name, format, domain, source, rating_min, rating_max, high_threshold, "
                        + "has_time, imported_at) KEY (id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.name(), d.format(), d.domain(), d.source(), d.ratingMin(), d.ratingMax(), d.highThreshold(),
                d.hasTime(), d.importedAt());
    }

    public void logImport(Tx tx, String format, String paths, long imported, long rejected, long productsSkipped,
                          String note) throws SQLException {
        Sql.update(tx, "INSERT INTO import_log (at, format, paths, rows_imported, rows_rejected, products_skipped, note) "
                        + "VALUES (CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, ?)",
                format, paths, imported, rejected, productsSkipped, note);
    }

    /** True when the project holds no consumers, products or interactions yet. */
    public boolean isEmpty(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM product") == 0
                && Sql.count(tx, "SELECT COUNT(*) FROM consumer") == 0;
    }
}
