package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Read-only, filtered and paged queries over stored explanations for the explorer and the drill-downs. */
public final class ExplanationBrowseRepository {

    /** One explanation with the sample it explains. */
    public record ExplanationRow(long id, long sampleId, String consumer, int productId, String product,
                                 String variant, String side, String generator, String model, String status,
                                 String text, String reason, double rating, String split, Integer templateVersion,
                                 String promptHash, String origin) {

        public String source() {
            return generator + " / " + model;
        }
    }

    /** A generator/model pair that wrote explanations (count: 1 means "some", it is not counted). */
    public record SourceCount(String generator, String model, long count) {

        public String label() {
            return generator + " / " + model;
        }
    }

    /** Below one in this many explanations, a status is read through its index. */
    private static final long RARE_FRACTION = 20;
    static final String SELECT = "SELECT e.id, e.sample_id, c.external_id, p.id, p.name, e.variant, e.side, "
            + "e.generator, e.model, e.status, e.text, e.reason, s.rating, s.split, e.template_version, e.prompt_hash, "
            // The reasoning pool's reused rows say so, with the seed sample and the similarity (issue 12).
            + "CASE WHEN e.source = 'retrieved' THEN 'retrieved from sample ' || e.seed_sample_id || ' (similarity ' "
            + "|| CAST(ROUND(e.similarity, 3) AS VARCHAR) || ')' ELSE 'generated' END";
    static final String JOIN_SAMPLE = " JOIN sample s ON s.id = e.sample_id"
            + " JOIN consumer c ON c.id = s.consumer_id JOIN product p ON p.id = s.product_id";

    private final SearchLimits limits;

    public ExplanationBrowseRepository() {
        this(SearchLimits.DEFAULT);
    }

    ExplanationBrowseRepository(SearchLimits limits) {
        this.limits = limits;
    }

    /** All explanations (from explanation_count). */
    public long total(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COALESCE(SUM(n), 0) FROM explanation_count");
    }

    public List<SourceCount> sources(Tx tx) throws SQLException {
        // The generation runs name the sources (a small table); counting all explanations per source would scan them.
        return Sql.list(tx, "SELECT DISTINCT r.generator, r.model FROM generation_run r WHERE EXISTS "
                        + "(SELECT 1 FROM explanation e WHERE e.generator = r.generator AND e.model = r.model) ORDER BY r.generator, r.model",
                rs -> new SourceCount(rs.getString(1), rs.getString(2), 1));
    }

    /**
     * The explanations with id &gt; after that match the filter, in id order. How each filter is answered:
     * explanation columns only (side, source, status): counted from explanation_count, a rare status read through
     * its index, a common one by a short scan in id order; a product, product group or consumer with few matches:
     * their explanation ids through the sample indexes, counted exactly; anything else (text, broad names): a
     * bounded scan per page, uncounted (the view shows "first matches").
     */
    public Page<ExplanationRow> page(Tx tx, ExplanationFilter f, long after, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = explanationWhere(f, params);
        long maxKey = Sql.count(tx, "SELECT COALESCE(MAX(id), 0) FROM explanation");
        long minKey = Sql.count(tx, "SELECT COALESCE(MIN(id), 0) FROM explanation");
        // Origin and similarity are not in explanation_count: such a filter is read by the sample indexes or scanned.
        if (!needsJoin(f) && DatasetBrowseRepository.like(f.text()) == null && !f.byOrigin()) {
            long total = countFromSummary(tx, f);
            if (total == 0) {
                return new Page<>(List.of(), 0, after, false);
            }
            long all = Math.max(1, total(tx));
            // A status that few explanations have: its index gives them in id order (status fixed, then id).
            boolean rareStatus = f.status() != null && !f.status().isBlank()
                    && countFromSummary(tx, new ExplanationFilter(null, null, null, null, f.status(), null, null, null))
                    * RARE_FRACTION < all;
            if (!rareStatus && total * RARE_FRACTION < all) {
                // Few matches and no index for them (e.g. one small run among millions): a bounded scan, still counted.
                Page<ExplanationRow> p = scan(tx, f, where, params, after, minKey, maxKey, limit);
                return new Page<>(p.rows(), total, p.nextKey(), p.more());
            }
            // H2 would pick the status index for any status = ? and then sort every match: say which to read.
            String index = rareStatus ? " USE INDEX (explanation_by_status)" : " USE INDEX ()";
            String order = rareStatus ? " ORDER BY e.status, e.id" : " ORDER BY e.id";
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(after);
            pageParams.add(limit);
            List<ExplanationRow> rows = Sql.list(tx, SELECT + " FROM (SELECT * FROM explanation e" + index + where
                    + (where.isEmpty() ? " WHERE" : " AND") + " e.id > ?" + order + " LIMIT ?) e" + JOIN_SAMPLE + " ORDER BY e.id",
                    ExplanationBrowseRepository::row, pageParams.toArray());
            long next = rows.isEmpty() ? after : rows.get(rows.size() - 1).id();
            return new Page<>(rows, total, next, rows.size() == limit && next < maxKey);
        }
        List<Object> sampleParams = new ArrayList<>();
        String samples = indexedSamples(tx, f, sampleParams);
        if (samples != null) {
            List<Object> idParams = new ArrayList<>(sampleParams);
            idParams.addAll(params);
            String joinWhere = joinWhere(f, idParams);
            long[] ids = Sql.list(tx, "SELECT e.id FROM explanation e" + JOIN_SAMPLE + " WHERE " + samples
                            + where.replaceFirst("^ WHERE", " AND") + joinWhere, rs -> rs.getLong(1), idParams.toArray())
                    .stream().mapToLong(Long::longValue).sorted().toArray();
            int from = Arrays.binarySearch(ids, after);
            from = from >= 0 ? from + 1 : -from - 1;
            int to = Math.min(ids.length, from + limit);
            if (from >= to) {
                return new Page<>(List.of(), ids.length, after, false);
            }
            List<Object> pageIds = Arrays.stream(ids, from, to).boxed().collect(Collectors.toList());
            List<ExplanationRow> rows = Sql.list(tx, SELECT + " FROM explanation e" + JOIN_SAMPLE + " WHERE e.id IN ("
                    + DatasetBrowseRepository.placeholders(pageIds.size()) + ") ORDER BY e.id",
                    ExplanationBrowseRepository::row, pageIds.toArray());
            return new Page<>(rows, ids.length, ids[to - 1], to < ids.length);
        }
        return scan(tx, f, where, params, after, minKey, maxKey, limit);
    }

    /** The bounded scan in id order with every condition of the filter; uncounted. */
    private Page<ExplanationRow> scan(Tx tx, ExplanationFilter f, String where, List<Object> params, long after,
                                      long minKey, long maxKey, int limit) throws SQLException {
        List<Object> scanParams = new ArrayList<>();
        String joinWhere = joinWhere(f, scanParams);
        return KeyWindowScan.page(limits, after, minKey, maxKey, limit, (from, upTo, n) -> {
            List<Object> windowParams = new ArrayList<>();
            windowParams.add(from);
            windowParams.add(upTo);
            windowParams.addAll(params);
            windowParams.addAll(scanParams);
            windowParams.add(n);
            return Sql.list(tx, SELECT + " FROM explanation e" + JOIN_SAMPLE + " WHERE e.id > ? AND e.id <= ?"
                    + where.replaceFirst("^ WHERE", " AND") + joinWhere + " ORDER BY e.id LIMIT ?",
                    ExplanationBrowseRepository::row, windowParams.toArray());
        }, ExplanationRow::id);
    }

    /** Sum of explanation_count over the side, source, status and variant of the filter (its other fields are ignored). */
    long countFromSummary(Tx tx, ExplanationFilter f) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = explanationWhere(new ExplanationFilter(null, null, f.side(), f.source(), f.status(), null, null, null,
                f.variant(), null, null), params);
        return Sql.count(tx, "SELECT COALESCE(SUM(e.n), 0) FROM explanation_count e" + where, params.toArray());
    }

    /**
     * The sample condition that picks few explanations through the sample indexes (a product, a small group,
     * consumers or products named by few rows), or null when the filter is too broad for that.
     */
    private String indexedSamples(Tx tx, ExplanationFilter f, List<Object> params) throws SQLException {
        List<Long> products = null;
        if (f.productId() != null) {
            products = List.of(f.productId().longValue());
        }
        if (f.group() != null) {
            products = intersect(products, Sql.list(tx, KeywordRepository.groupIds() + " LIMIT ?", rs -> rs.getLong(1),
                    f.group().attribute(), f.group().value(), f.group().attribute(), f.group().value(),
                    limits.indexedIds() + 1));
        }
        String product = DatasetBrowseRepository.like(f.product());
        if (product != null) {
            products = intersect(products, Sql.list(tx, "SELECT id FROM product WHERE LOWER(name) LIKE ? OR LOWER(external_id) LIKE ? LIMIT ?",
                    rs -> rs.getLong(1), product, product, limits.indexedIds() + 1));
        }
        List<Long> consumers = null;
        String consumer = DatasetBrowseRepository.like(f.consumer());
        if (consumer != null) {
            consumers = Sql.list(tx, "SELECT id FROM consumer WHERE LOWER(external_id) LIKE ? LIMIT ?",
                    rs -> rs.getLong(1), consumer, limits.indexedIds() + 1);
        }
        boolean fewProducts = products != null && products.size() <= limits.indexedIds()
                && DatasetBrowseRepository.productInteractions(tx, products) <= limits.indexedRows();
        boolean fewConsumers = consumers != null && consumers.size() <= limits.indexedIds();
        if ((fewProducts && products.isEmpty()) || (fewConsumers && consumers.isEmpty())) {
            return "FALSE";
        }
        // Only the short list drives the indexes; the other conditions are applied again exactly (joinWhere).
        if (fewProducts) {
            params.addAll(products);
            return "s.product_id IN (" + DatasetBrowseRepository.placeholders(products.size()) + ")";
        }
        if (fewConsumers) {
            params.addAll(consumers);
            return "s.consumer_id IN (" + DatasetBrowseRepository.placeholders(consumers.size()) + ")";
        }
        return null;
    }

    private static List<Long> intersect(List<Long> a, List<Long> b) {
        if (a == null) {
            return b;
        }
        List<Long> out = new ArrayList<>(a);
        out.retainAll(b);
        return out;
    }

    static ExplanationRow row(java.sql.ResultSet rs) throws SQLException {
        return new ExplanationRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getDouble(13), rs.getString(14),
                rs.getObject(15) == null ? null : rs.getInt(15), rs.getString(16), rs.getString(17));
    }

    private static boolean needsJoin(ExplanationFilter f) {
        return DatasetBrowseRepository.like(f.product()) != null || DatasetBrowseRepository.like(f.consumer()) != null
                || f.productId() != null || f.group() != null;
    }

    /** Conditions on the joined sample, consumer and product (for the bounded scan). */
    static String joinWhere(ExplanationFilter f, List<Object> params) {
        StringBuilder b = new StringBuilder();
        String product = DatasetBrowseRepository.like(f.product());
        if (product != null) {
            b.append(" AND (LOWER(p.name) LIKE ? OR LOWER(p.external_id) LIKE ?)");
            params.add(product);
            params.add(product);
        }
        String consumer = DatasetBrowseRepository.like(f.consumer());
        if (consumer != null) {
            b.append(" AND LOWER(c.external_id) LIKE ?");
            params.add(consumer);
        }
        if (f.productId() != null) {
            b.append(" AND s.product_id = ?");
            params.add(f.productId());
        }
        if (f.group() != null) {
            // Correlated on the product row, so that the scan stays in explanation id order (an IN list on
            // s.product_id would make H2 read every sample of a large group first).
            b.append(" AND ((? = '").append(KeywordRepository.ProductGroup.CITY).append("' AND p.city = ?)")
                    .append(" OR EXISTS (SELECT 1 FROM product_attribute a WHERE a.product_id = p.id AND a.name = ? AND a.val = ?))");
            params.add(f.group().attribute());
            params.add(f.group().value());
            params.add(f.group().attribute());
            params.add(f.group().value());
        }
        return b.toString();
    }

    /**
     * Conditions on explanation columns only (alias e), also valid on explanation_count except the text, the
     * origin and the similarity.
     */
    static String explanationWhere(ExplanationFilter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.side() != null && !f.side().isBlank()) {
            clauses.add("e.side = ?");
            params.add(f.side());
        }
        if (f.source() != null && !f.source().isBlank()) {
            clauses.add("e.generator || ' / ' || e.model = ?");
            params.add(f.source());
        }
        if (f.status() != null && !f.status().isBlank()) {
            clauses.add("e.status = ?");
            params.add(f.status());
        }
        if (f.variant() != null && !f.variant().isBlank()) {
            clauses.add("e.variant = ?");
            params.add(f.variant());
        }
        if (f.origin() != null && !f.origin().isBlank()) {
            clauses.add("e.source = ?");
            params.add(f.origin());
        }
        if (f.minSimilarity() != null) {
            // Only retrieved rows carry a similarity: generated ones (NULL) drop out.
            clauses.add("e.similarity >= ?");
            params.add(f.minSimilarity());
        }
        String text = DatasetBrowseRepository.like(f.text());
        if (text != null) {
            clauses.add("LOWER(e.text) LIKE ?");
            params.add(text);
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }
}
