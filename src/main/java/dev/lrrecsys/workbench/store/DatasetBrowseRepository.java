package dev.lrrecsys.workbench.store;

import dev.lrrecsys.workbench.store.BrowseRows.ConsumerRow;
import dev.lrrecsys.workbench.store.BrowseRows.InteractionRow;
import dev.lrrecsys.workbench.store.BrowseRows.ProductRow;
import dev.lrrecsys.workbench.store.BrowseRows.RatingCount;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Read-only queries behind the Dataset view, fast at a million interactions: counts and the rating histogram
 * come from the V7 summary tables, tables are paged by key, and a search either goes through the id indexes
 * (few matching consumers/products) or scans a bounded window per page and shows the first matches uncounted.
 */
public final class DatasetBrowseRepository {

    private final SearchLimits limits;

    private static final String CONSUMER_COLUMNS = "SELECT c.id, c.external_id, "
            + "(SELECT LISTAGG(a.name || '=' || a.val, '; ') WITHIN GROUP (ORDER BY a.name) "
            + "   FROM consumer_attribute a WHERE a.consumer_id = c.id), "
            + "(SELECT COUNT(*) FROM interaction i WHERE i.consumer_id = c.id) FROM consumer c";
    // Attribute matches come from one uncorrelated subquery per window (H2 evaluates it once and looks ids up),
    // not from an EXISTS per row, which costs a query per consumer.
    private static final String CONSUMER_SEARCH = " AND (LOWER(c.external_id) LIKE ?"
            + " OR c.id IN (SELECT a.consumer_id FROM consumer_attribute a WHERE a.consumer_id > ? AND a.consumer_id <= ?"
            + " AND LOWER(a.val) LIKE ?))";
    private static final String PRODUCT_COLUMNS = "SELECT p.id, p.external_id, p.name, p.city, "
            + "(SELECT LISTAGG(a.name || '=' || a.val, '; ') WITHIN GROUP (ORDER BY a.name) "
            + "   FROM product_attribute a WHERE a.product_id = p.id), p.profile, pa.interactions, pa.rating_sum "
            + "FROM product p LEFT JOIN product_activity pa ON pa.product_id = p.id";
    private static final String PRODUCT_SEARCH = " AND (LOWER(p.name) LIKE ? OR LOWER(p.external_id) LIKE ? OR LOWER(p.city) LIKE ?"
            + " OR p.id IN (SELECT a.product_id FROM product_attribute a WHERE a.product_id > ? AND a.product_id <= ?"
            + " AND LOWER(a.val) LIKE ?))";
    private static final String INTERACTION_NAMES = "SELECT i.id, c.external_id, p.name, i.rating, i.ts FROM ";
    private static final String INTERACTION_JOIN = " i JOIN consumer c ON c.id = i.consumer_id JOIN product p ON p.id = i.product_id";

    public DatasetBrowseRepository() {
        this(SearchLimits.DEFAULT);
    }

    DatasetBrowseRepository(SearchLimits limits) {
        this.limits = limits;
    }

    /** Row counts of the dataset tables, in display order (from dataset_count: no table is counted). */
    public Map<String, Long> counts(Tx tx) throws SQLException {
        Map<String, Long> stored = new LinkedHashMap<>();
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT name, n FROM dataset_count"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getLong(2));
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : List.of("consumers", "products", "interactions", "samples")) {
            out.put(name, stored.getOrDefault(name, 0L));
        }
        return out;
    }

    /** Number of interactions per distinct rating value, ascending by rating (from rating_count). */
    public List<RatingCount> ratingHistogram(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT rating, n FROM rating_count WHERE n > 0 ORDER BY rating",
                rs -> new RatingCount(rs.getDouble(1), rs.getLong(2)));
    }

    /** Consumers with id &gt; after; a search (external id or attribute value) is a bounded scan, uncounted. */
    public Page<ConsumerRow> consumers(Tx tx, String search, long after, int limit) throws SQLException {
        long maxKey = Sql.count(tx, "SELECT COALESCE(MAX(id), 0) FROM consumer");
        long minKey = Sql.count(tx, "SELECT COALESCE(MIN(id), 0) FROM consumer");
        String like = like(search);
        if (like == null) {
            List<ConsumerRow> rows = Sql.list(tx, CONSUMER_COLUMNS + " WHERE c.id > ? ORDER BY c.id LIMIT ?",
                    DatasetBrowseRepository::consumer, after, limit);
            return keyed(rows, counts(tx).get("consumers"), after, maxKey, ConsumerRow::id);
        }
        return KeyWindowScan.page(limits, after, minKey, maxKey, limit, (from, upTo, n) -> Sql.list(tx, CONSUMER_COLUMNS
                        + " WHERE c.id > ? AND c.id <= ?" + CONSUMER_SEARCH + " ORDER BY c.id LIMIT ?",
                DatasetBrowseRepository::consumer, from, upTo, like, from, upTo, like, n), ConsumerRow::id);
    }

    /** Products with id &gt; after; a search (name, external id, city, attribute value) is a bounded scan, uncounted. */
    public Page<ProductRow> products(Tx tx, String search, long after, int limit) throws SQLException {
        long maxKey = Sql.count(tx, "SELECT COALESCE(MAX(id), 0) FROM product");
        long minKey = Sql.count(tx, "SELECT COALESCE(MIN(id), 0) FROM product");
        String like = like(search);
        if (like == null) {
            List<ProductRow> rows = Sql.list(tx, PRODUCT_COLUMNS + " WHERE p.id > ? ORDER BY p.id LIMIT ?",
                    DatasetBrowseRepository::product, after, limit);
            return keyed(rows, counts(tx).get("products"), after, maxKey, ProductRow::id);
        }
        return KeyWindowScan.page(limits, after, minKey, maxKey, limit, (from, upTo, n) -> Sql.list(tx, PRODUCT_COLUMNS
                        + " WHERE p.id > ? AND p.id <= ?" + PRODUCT_SEARCH + " ORDER BY p.id LIMIT ?",
                DatasetBrowseRepository::product, from, upTo, like, like, like, from, upTo, like, n), ProductRow::id);
    }

    /**
     * Interactions with id &gt; after whose consumer id or product name contains the search text, in file/time
     * order. Few matching consumers and products: read through their indexes and counted exactly. Many (a
     * search for "a"): matches are dense, so a bounded scan in id order fills the page; not counted.
     */
    public Page<InteractionRow> interactions(Tx tx, String search, long after, int limit) throws SQLException {
        long maxKey = Sql.count(tx, "SELECT COALESCE(MAX(id), 0) FROM interaction");
        long minKey = Sql.count(tx, "SELECT COALESCE(MIN(id), 0) FROM interaction");
        String like = like(search);
        if (like == null) {
            List<InteractionRow> rows = Sql.list(tx, INTERACTION_NAMES
                            + "(SELECT * FROM interaction WHERE id > ? ORDER BY id LIMIT ?)" + INTERACTION_JOIN + " ORDER BY i.id",
                    DatasetBrowseRepository::interaction, after, limit);
            return keyed(rows, counts(tx).get("interactions"), after, maxKey, InteractionRow::id);
        }
        List<Long> consumerIds = Sql.list(tx, "SELECT id FROM consumer WHERE LOWER(external_id) LIKE ? LIMIT ?",
                rs -> rs.getLong(1), like, limits.indexedIds() + 1);
        List<Long> productIds = Sql.list(tx, "SELECT id FROM product WHERE LOWER(name) LIKE ? LIMIT ?",
                rs -> rs.getLong(1), like, limits.indexedIds() + 1);
        if (consumerIds.size() <= limits.indexedIds() && productIds.size() <= limits.indexedIds()
                && productInteractions(tx, productIds) <= limits.indexedRows()) {
            return indexedInteractions(tx, consumerIds, productIds, after, limit);
        }
        return KeyWindowScan.page(limits, after, minKey, maxKey, limit, (from, upTo, n) -> Sql.list(tx, INTERACTION_NAMES + "interaction"
                        + INTERACTION_JOIN + " WHERE i.id > ? AND i.id <= ? AND (LOWER(c.external_id) LIKE ? OR LOWER(p.name) LIKE ?)"
                        + " ORDER BY i.id LIMIT ?",
                DatasetBrowseRepository::interaction, from, upTo, like, like, n), InteractionRow::id);
    }

    static long productInteractions(Tx tx, List<Long> productIds) throws SQLException {
        return productIds.isEmpty() ? 0 : Sql.count(tx, "SELECT COALESCE(SUM(interactions), 0) FROM product_activity "
                + "WHERE product_id IN (" + placeholders(productIds.size()) + ")", productIds.toArray());
    }

    /** The matching interaction ids through the consumer and product indexes, all of them (so counted), then one page. */
    private static Page<InteractionRow> indexedInteractions(Tx tx, List<Long> consumerIds, List<Long> productIds,
                                                            long after, int limit) throws SQLException {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!consumerIds.isEmpty()) {
            parts.add("SELECT id FROM interaction WHERE consumer_id IN (" + placeholders(consumerIds.size()) + ")");
            params.addAll(consumerIds);
        }
        if (!productIds.isEmpty()) {
            parts.add("SELECT id FROM interaction WHERE product_id IN (" + placeholders(productIds.size()) + ")");
            params.addAll(productIds);
        }
        if (parts.isEmpty()) {
            return new Page<>(List.of(), 0, after, false);
        }
        long[] ids = Sql.list(tx, String.join(" UNION ", parts), rs -> rs.getLong(1), params.toArray())
                .stream().mapToLong(Long::longValue).sorted().toArray();
        int from = Arrays.binarySearch(ids, after);
        from = from >= 0 ? from + 1 : -from - 1;
        int to = Math.min(ids.length, from + limit);
        if (from >= to) {
            return new Page<>(List.of(), ids.length, after, false);
        }
        List<Object> pageIds = Arrays.stream(ids, from, to).boxed().collect(Collectors.toList());
        List<InteractionRow> rows = Sql.list(tx, INTERACTION_NAMES + "interaction" + INTERACTION_JOIN
                + " WHERE i.id IN (" + placeholders(pageIds.size()) + ") ORDER BY i.id", DatasetBrowseRepository::interaction,
                pageIds.toArray());
        return new Page<>(rows, ids.length, ids[to - 1], to < ids.length);
    }

    private static <T> Page<T> keyed(List<T> rows, long total, long after, long maxKey,
                                     java.util.function.ToLongFunction<T> key) {
        long next = rows.isEmpty() ? after : key.applyAsLong(rows.get(rows.size() - 1));
        return new Page<>(rows, total, next, next < maxKey);
    }

    private static ConsumerRow consumer(ResultSet rs) throws SQLException {
        return new ConsumerRow(rs.getInt(1), rs.getString(2), nz(rs.getString(3)), rs.getLong(4));
    }

    private static ProductRow product(ResultSet rs) throws SQLException {
        long n = rs.getLong(7);
        double sum = rs.getDouble(8);
        return new ProductRow(rs.getInt(1), rs.getString(2), rs.getString(3), nz(rs.getString(4)),
                nz(rs.getString(5)), rs.getString(6), n, n == 0 ? Double.NaN : sum / n);
    }

    private static InteractionRow interaction(ResultSet rs) throws SQLException {
        return new InteractionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                rs.getObject(5) == null ? null : rs.getLong(5));
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static String like(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
