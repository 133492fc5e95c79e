package dev.lrrecsys.workbench.store;

import dev.lrrecsys.workbench.store.BrowseRows.ConsumerRow;
import dev.lrrecsys.workbench.store.BrowseRows.InteractionRow;
import dev.lrrecsys.workbench.store.BrowseRows.ProductRow;
import dev.lrrecsys.workbench.store.BrowseRows.RatingCount;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Read-only, paged queries behind the Dataset view: one page at a time (never the whole table), a
 * case-insensitive search over ids and names, the counts and the rating histogram.
 */
public final class DatasetBrowseRepository {

    /** Row counts of the dataset tables, in display order. */
    public Map<String, Long> counts(Tx tx) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("consumers", Sql.count(tx, "SELECT COUNT(*) FROM consumer"));
        out.put("products", Sql.count(tx, "SELECT COUNT(*) FROM product"));
        out.put("interactions", Sql.count(tx, "SELECT COUNT(*) FROM interaction"));
        out.put("samples", Sql.count(tx, "SELECT COUNT(*) FROM sample"));
        return out;
    }

    public Page<ConsumerRow> consumers(Tx tx, String search, int offset, int limit) throws SQLException {
        String like = like(search);
        String where = like == null ? "" : " WHERE LOWER(c.external_id) LIKE ?"
                + " OR EXISTS (SELECT 1 FROM consumer_attribute a WHERE a.consumer_id = c.id AND LOWER(a.val) LIKE ?)";
        Object[] params = like == null ? new Object[0] : new Object[]{like, like};
        long total = Sql.count(tx, "SELECT COUNT(*) FROM consumer c" + where, params);
        List<ConsumerRow> rows = Sql.list(tx, "SELECT c.id, c.external_id, "
                        + "(SELECT LISTAGG(a.name || '=' || a.val, '; ') WITHIN GROUP (ORDER BY a.name) "
                        + "   FROM consumer_attribute a WHERE a.consumer_id = c.id), "
                        + "(SELECT COUNT(*) FROM interaction i WHERE i.consumer_id = c.id) "
                        + "FROM consumer c" + where + " ORDER BY c.id LIMIT ? OFFSET ?",
                rs -> new ConsumerRow(rs.getInt(1), rs.getString(2), nz(rs.getString(3)), rs.getLong(4)),
                append(params, limit, offset));
        return new Page<>(rows, total);
    }

    public Page<ProductRow> products(Tx tx, String search, int offset, int limit) throws SQLException {
        String like = like(search);
        String where = like == null ? "" : " WHERE LOWER(p.name) LIKE ? OR LOWER(p.external_id) LIKE ? OR LOWER(p.city) LIKE ?"
                + " OR EXISTS (SELECT 1 FROM product_attribute a WHERE a.product_id = p.id AND LOWER(a.val) LIKE ?)";
        Object[] params = like == null ? new Object[0] : new Object[]{like, like, like, like};
        long total = Sql.count(tx, "SELECT COUNT(*) FROM product p" + where, params);
        List<ProductRow> rows = Sql.list(tx, "SELECT p.id, p.external_id, p.name, p.city, "
                        + "(SELECT LISTAGG(a.name || '=' || a.val, '; ') WITHIN GROUP (ORDER BY a.name) "
                        + "   FROM product_attribute a WHERE a.product_id = p.id), p.profile, "
                        + "(SELECT COUNT(*) FROM interaction i WHERE i.product_id = p.id), "
                        + "(SELECT AVG(i.rating) FROM interaction i WHERE i.product_id = p.id) "
                        + "FROM product p" + where + " ORDER BY p.id LIMIT ? OFFSET ?",
                rs -> new ProductRow(rs.getInt(1), rs.getString(2), rs.getString(3), nz(rs.getString(4)),
                        nz(rs.getString(5)), rs.getString(6), rs.getLong(7),
                        rs.getObject(8) == null ? Double.NaN : rs.getDouble(8)),
                append(params, limit, offset));
        return new Page<>(rows, total);
    }

    /** Interactions whose consumer id or product name contains the search text, in file/time order. */
    public Page<InteractionRow> interactions(Tx tx, String search, int offset, int limit) throws SQLException {
        String like = like(search);
        String where = like == null ? "" : " WHERE LOWER(c.external_id) LIKE ? OR LOWER(p.name) LIKE ?";
        Object[] params = like == null ? new Object[0] : new Object[]{like, like};
        String from = " FROM interaction i JOIN consumer c ON c.id = i.consumer_id JOIN product p ON p.id = i.product_id";
        long total = like == null ? Sql.count(tx, "SELECT COUNT(*) FROM interaction")
                : Sql.count(tx, "SELECT COUNT(*)" + from + where, params);
        List<InteractionRow> rows = Sql.list(tx, "SELECT i.id, c.external_id, p.name, i.rating, i.ts"
                        + from + where + " ORDER BY i.id LIMIT ? OFFSET ?",
                rs -> new InteractionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getObject(5) == null ? null : rs.getLong(5)),
                append(params, limit, offset));
        return new Page<>(rows, total);
    }

    /** Number of interactions per distinct rating value, ascending by rating. */
    public List<RatingCount> ratingHistogram(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT rating, COUNT(*) FROM interaction GROUP BY rating ORDER BY rating",
                rs -> new RatingCount(rs.getDouble(1), rs.getLong(2)));
    }

    static String like(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static Object[] append(Object[] params, Object... more) {
        Object[] out = new Object[params.length + more.length];
        System.arraycopy(params, 0, out, 0, params.length);
        System.arraycopy(more, 0, out, params.length, more.length);
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
