package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Read-only, filtered and paged queries over stored explanations for the explorer and the drill-downs. */
public final class ExplanationBrowseRepository {

    /** One explanation with the sample it explains. */
    public record ExplanationRow(long id, long sampleId, String consumer, int productId, String product,
                                 String variant, String side, String generator, String model, String status,
                                 String text, String reason, double rating, String split, Integer templateVersion) {

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

    private static final String FROM = " FROM explanation e JOIN sample s ON s.id = e.sample_id"
            + " JOIN consumer c ON c.id = s.consumer_id JOIN product p ON p.id = s.product_id";

    public long total(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM explanation");
    }

    public List<SourceCount> sources(Tx tx) throws SQLException {
        // The generation runs name the sources (a small table); counting all explanations per source would scan them.
        return Sql.list(tx, "SELECT DISTINCT r.generator, r.model FROM generation_run r WHERE EXISTS "
                        + "(SELECT 1 FROM explanation e WHERE e.generator = r.generator AND e.model = r.model) ORDER BY r.generator, r.model",
                rs -> new SourceCount(rs.getString(1), rs.getString(2), 1));
    }

    public Page<ExplanationRow> page(Tx tx, ExplanationFilter f, int offset, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        String select = "SELECT e.id, e.sample_id, c.external_id, p.id, p.name, e.variant, e.side, "
                + "e.generator, e.model, e.status, e.text, e.reason, s.rating, s.split, e.template_version";
        long total;
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        String sql;
        if (needsJoin(f)) {
            total = Sql.count(tx, "SELECT COUNT(*)" + FROM + where, params.toArray());
            sql = select + FROM + where + " ORDER BY e.id LIMIT ? OFFSET ?";
        } else {
            // Only explanation columns filter: page the explanation table alone (by its primary key), then join
            // the 100 rows, instead of joining every explanation before sorting (seconds on millions of rows).
            total = where.isEmpty() ? total(tx) : Sql.count(tx, "SELECT COUNT(*) FROM explanation e" + where, params.toArray());
            sql = select + " FROM (SELECT * FROM explanation e" + where + " ORDER BY e.id LIMIT ? OFFSET ?) e "
                    + "JOIN sample s ON s.id = e.sample_id JOIN consumer c ON c.id = s.consumer_id "
                    + "JOIN product p ON p.id = s.product_id ORDER BY e.id";
        }
        List<ExplanationRow> rows = Sql.list(tx, sql,
                rs -> new ExplanationRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getDouble(13), rs.getString(14),
                        rs.getObject(15) == null ? null : rs.getInt(15)),
                pageParams.toArray());
        return new Page<>(rows, total);
    }

    private static boolean needsJoin(ExplanationFilter f) {
        return DatasetBrowseRepository.like(f.product()) != null || DatasetBrowseRepository.like(f.consumer()) != null
                || f.productId() != null || f.group() != null;
    }

    private static String where(ExplanationFilter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        String product = DatasetBrowseRepository.like(f.product());
        if (product != null) {
            clauses.add("(LOWER(p.name) LIKE ? OR LOWER(p.external_id) LIKE ?)");
            params.add(product);
            params.add(product);
        }
        String consumer = DatasetBrowseRepository.like(f.consumer());
        if (consumer != null) {
            clauses.add("LOWER(c.external_id) LIKE ?");
            params.add(consumer);
        }
        if (f.productId() != null) {
            clauses.add("s.product_id = ?");
            params.add(f.productId());
        }
        if (f.group() != null) {
            clauses.add("s.product_id IN (" + KeywordRepository.groupIds() + ")");
            params.add(f.group().attribute());
            params.add(f.group().value());
            params.add(f.group().attribute());
            params.add(f.group().value());
        }
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
        String text = DatasetBrowseRepository.like(f.text());
        if (text != null) {
            clauses.add("LOWER(e.text) LIKE ?");
            params.add(text);
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }
}
