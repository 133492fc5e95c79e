package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The keyword precompute (V6): written by the keyword index job per chunk of products, read by the seller's
 * view so that one restaurant's keywords are index lookups, whatever the number of explanations.
 */
public final class KeywordRepository {

    /** Which explanations the counts come from. */
    public record Source(String generator, String model) {
        public String label() {
            return generator + " / " + model;
        }
    }

    /** When the index of one source was built and from how many explanations. */
    public record BuiltIndex(long explanations, OffsetDateTime builtAt) {
    }

    /**
     * One explanation's text with the product and side it belongs to, for indexing; {@code aboutThisProduct} is
     * false for a retrieved row whose seed sample had another candidate product (its text was written about that
     * product, so it is left out of this product's counts).
     */
    public record IndexedText(int productId, String side, String text, boolean aboutThisProduct) {
    }

    /** A term's count in the chosen target and in the whole corpus (same source and side). */
    public record TermCount(String term, long count, long corpusCount) {
    }

    /**
     * How many explanations and terms a target (product or group) has on one side, and how many of its retrieved
     * explanations were left out because their seed sample was about another product.
     */
    public record SideTotals(long explanations, long terms, long leftOut) {
        public SideTotals(long explanations, long terms) {
            this(explanations, terms, 0);
        }
    }

    /** A product in the keyword view's list, with its number of indexed explanations per side. */
    public record ProductMentions(int id, String name, String city, long positive, long negative) {
    }

    /** A set of products sharing a city or an attribute value. */
    public record ProductGroup(String attribute, String value, long products) {
        public static final String CITY = "city";

        public String label() {
            return attribute + ": " + value + " (" + products + ")";
        }
    }

    private static final String OK_CONTRASTIVE = " e.generator = ? AND e.model = ? AND e.status = 'ok'"
            + " AND e.variant = 'contrastive' AND e.side IN ('positive', 'negative')";

    // ---- building ----

    /** The generator/model pairs with contrastive explanations to index. */
    public List<Source> indexableSources(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT DISTINCT generator, model FROM explanation WHERE status = 'ok' AND variant = 'contrastive' "
                + "ORDER BY generator, model", rs -> new Source(rs.getString(1), rs.getString(2)));
    }

    public long countIndexable(Tx tx, Source s) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM explanation e WHERE" + OK_CONTRASTIVE, s.generator(), s.model());
    }

    public List<Integer> productIds(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT id FROM product ORDER BY id", rs -> rs.getInt(1));
    }

    /** Removes the whole index of one source (a rebuild starts from nothing, so partial builds never mix). */
    public void clear(Tx tx, Source s) throws SQLException {
        for (String table : List.of("keyword_source", "keyword_total", "keyword_count", "keyword_product")) {
            Sql.update(tx, "DELETE FROM " + table + " WHERE generator = ? AND model = ?", s.generator(), s.model());
        }
    }

    /**
     * Streams the indexable explanations of the products with ids in [fromId, toId], ordered by product, each
     * marked whether it was written about the product (generated, or retrieved from a seed sample of the same
     * product).
     */
    public void forEachText(Tx tx, Source s, int fromId, int toId, Consumer<IndexedText> sink) throws SQLException {
        try (var ps = Sql.prepare(tx, "SELECT s.product_id, e.side, e.text, CASE WHEN e.source = 'retrieved' AND "
                + "(seed.product_id IS NULL OR seed.product_id <> s.product_id) THEN FALSE ELSE TRUE END "
                + "FROM sample s JOIN explanation e ON e.sample_id = s.id LEFT JOIN sample seed ON seed.id = e.seed_sample_id "
                + "WHERE s.product_id BETWEEN ? AND ? AND" + OK_CONTRASTIVE + " ORDER BY s.product_id",
                fromId, toId, s.generator(), s.model()); var rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(new IndexedText(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        }
    }

    /** Writes one product's counts for one side ({@code leftOut}: retrieved explanations about another product). */
    public void writeProduct(Tx tx, Source s, int productId, String side, int explanations, int leftOut,
                             Map<String, Integer> counts) throws SQLException {
        long terms = 0;
        try (var ps = Sql.prepare(tx, "INSERT INTO keyword_count (generator, model, product_id, side, term, n) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                ps.setString(1, s.generator());
                ps.setString(2, s.model());
                ps.setInt(3, productId);
                ps.setString(4, side);
                ps.setString(5, e.getKey());
                ps.setInt(6, e.getValue());
                ps.addBatch();
                terms += e.getValue();
            }
            ps.executeBatch();
        }
        Sql.update(tx, "INSERT INTO keyword_product (generator, model, product_id, side, explanations, terms, left_out) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", s.generator(), s.model(), productId, side, explanations, terms, leftOut);
    }

    /** Sums the per-product counts into corpus totals and marks the index as built. */
    public void finish(Tx tx, Source s, long explanations) throws SQLException {
        Sql.update(tx, "INSERT INTO keyword_total (generator, model, side, term, n) SELECT generator, model, side, term, SUM(n) "
                + "FROM keyword_count WHERE generator = ? AND model = ? GROUP BY generator, model, side, term", s.generator(), s.model());
        Sql.update(tx, "INSERT INTO keyword_source (generator, model, explanations, built_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                s.generator(), s.model(), explanations);
    }

    // ---- reading ----

    public Optional<BuiltIndex> built(Tx tx, Source s) throws SQLException {
        return Optional.ofNullable(Sql.one(tx, "SELECT explanations, built_at FROM keyword_source WHERE generator = ? AND model = ?",
                rs -> new BuiltIndex(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)), s.generator(), s.model()));
    }

    /** Retrieved explanations of one source left out of the index: their seed sample was about another product. */
    public long leftOut(Tx tx, Source s) throws SQLException {
        return Sql.count(tx, "SELECT COALESCE(SUM(left_out), 0) FROM keyword_product WHERE generator = ? AND model = ?",
                s.generator(), s.model());
    }

    public List<Source> builtSources(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT generator, model FROM keyword_source ORDER BY generator, model",
                rs -> new Source(rs.getString(1), rs.getString(2)));
    }

    public List<ProductMentions> products(Tx tx, Source s) throws SQLException {
        return Sql.list(tx, "SELECT p.id, p.name, p.city, COALESCE(kp.explanations, 0), COALESCE(kn.explanations, 0) FROM product p "
                        + "LEFT JOIN keyword_product kp ON kp.product_id = p.id AND kp.side = 'positive' AND kp.generator = ? AND kp.model = ? "
                        + "LEFT JOIN keyword_product kn ON kn.product_id = p.id AND kn.side = 'negative' AND kn.generator = ? AND kn.model = ? "
                        + "ORDER BY p.name",
                rs -> new ProductMentions(rs.getInt(1), rs.getString(2), rs.getString(3) == null ? "" : rs.getString(3),
                        rs.getLong(4), rs.getLong(5)),
                s.generator(), s.model(), s.generator(), s.model());
    }

    /** Cities and product attribute values that group at least two products, most products first. */
    public List<ProductGroup> groups(Tx tx) throws SQLException {
        List<ProductGroup> out = new ArrayList<>(Sql.list(tx, "SELECT city, COUNT(*) FROM product WHERE city IS NOT NULL AND city <> '' "
                + "GROUP BY city HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC, city",
                rs -> new ProductGroup(ProductGroup.CITY, rs.getString(1), rs.getLong(2))));
        out.addAll(Sql.list(tx, "SELECT name, val, COUNT(DISTINCT product_id) FROM product_attribute GROUP BY name, val "
                        + "HAVING COUNT(DISTINCT product_id) > 1 ORDER BY name, COUNT(DISTINCT product_id) DESC, val",
                rs -> new ProductGroup(rs.getString(1), rs.getString(2), rs.getLong(3))));
        return out;
    }

    public List<TermCount> productTerms(Tx tx, Source s, int productId, String side) throws SQLException {
        return Sql.list(tx, "SELECT k.term, k.n, t.n FROM keyword_count k JOIN keyword_total t ON t.generator = k.generator "
                        + "AND t.model = k.model AND t.side = k.side AND t.term = k.term "
                        + "WHERE k.generator = ? AND k.model = ? AND k.product_id = ? AND k.side = ?",
                rs -> new TermCount(rs.getString(1), rs.getLong(2), rs.getLong(3)), s.generator(), s.model(), productId, side);
    }

    public SideTotals productTotals(Tx tx, Source s, int productId, String side) throws SQLException {
        SideTotals t = Sql.one(tx, "SELECT explanations, terms, left_out FROM keyword_product WHERE generator = ? AND model = ? "
                        + "AND product_id = ? AND side = ?", rs -> new SideTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                s.generator(), s.model(), productId, side);
        return t == null ? new SideTotals(0, 0) : t;
    }

    public List<TermCount> groupTerms(Tx tx, Source s, ProductGroup g, String side) throws SQLException {
        // The group's products as a joined derived table: H2 ran "product_id IN (... UNION ...)" once per
        // keyword row, which took seconds for a city on the sample project; the join reads each product's rows by key.
        return Sql.list(tx, "SELECT k.term, SUM(k.n), MAX(t.n) FROM (" + groupIds() + ") g "
                        + "JOIN keyword_count k ON k.product_id = g.id JOIN keyword_total t ON t.generator = k.generator "
                        + "AND t.model = k.model AND t.side = k.side AND t.term = k.term "
                        + "WHERE k.generator = ? AND k.model = ? AND k.side = ? GROUP BY k.term",
                rs -> new TermCount(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                g.attribute(), g.value(), g.attribute(), g.value(), s.generator(), s.model(), side);
    }

    /**
     * For each term of one product's side, its count summed over a group's products (the product itself included):
     * reads only the rows of the product's own terms, through the index by term.
     */
    public List<TermCount> groupCountsOfProductTerms(Tx tx, Source s, int productId, ProductGroup g, String side)
            throws SQLException {
        return Sql.list(tx, "SELECT t.term, SUM(k.n), 0 FROM keyword_count t JOIN keyword_count k ON k.generator = t.generator "
                        + "AND k.model = t.model AND k.side = t.side AND k.term = t.term JOIN (" + groupIds() + ") g ON g.id = k.product_id "
                        + "WHERE t.generator = ? AND t.model = ? AND t.product_id = ? AND t.side = ? GROUP BY t.term",
                rs -> new TermCount(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                g.attribute(), g.value(), g.attribute(), g.value(), s.generator(), s.model(), productId, side);
    }

    public long productCount(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM product");
    }

    public SideTotals groupTotals(Tx tx, Source s, ProductGroup g, String side) throws SQLException {
        return Sql.one(tx, "SELECT COALESCE(SUM(p.explanations), 0), COALESCE(SUM(p.terms), 0), COALESCE(SUM(p.left_out), 0) "
                        + "FROM (" + groupIds() + ") g "
                        + "JOIN keyword_product p ON p.product_id = g.id WHERE p.generator = ? AND p.model = ? AND p.side = ?",
                rs -> new SideTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3)), g.attribute(), g.value(), g.attribute(), g.value(),
                s.generator(), s.model(), side);
    }

    /** Total terms over all products on one side: the corpus size for the distinctiveness ranking. */
    public long corpusTerms(Tx tx, Source s, String side) throws SQLException {
        return Sql.count(tx, "SELECT COALESCE(SUM(terms), 0) FROM keyword_product WHERE generator = ? AND model = ? AND side = ?",
                s.generator(), s.model(), side);
    }

    /** Explanations on one side over all products: the denominator of a term's corpus share. */
    public long corpusExplanations(Tx tx, Source s, String side) throws SQLException {
        return Sql.count(tx, "SELECT COALESCE(SUM(explanations), 0) FROM keyword_product WHERE generator = ? AND model = ? AND side = ?",
                s.generator(), s.model(), side);
    }

    /**
     * The product's peers: its city when the city has other products, else the category-like attribute value
     * (category, cuisine, genre) it shares with the most products; empty when it shares neither.
     */
    public Optional<ProductGroup> peerGroup(Tx tx, int productId) throws SQLException {
        ProductGroup city = Sql.one(tx, "SELECT p.city, COUNT(*) FROM product p JOIN product o ON o.city = p.city "
                        + "WHERE p.id = ? AND p.city IS NOT NULL AND p.city <> '' GROUP BY p.city HAVING COUNT(*) > 1",
                rs -> new ProductGroup(ProductGroup.CITY, rs.getString(1), rs.getLong(2)), productId);
        if (city != null) {
            return Optional.of(city);
        }
        return Optional.ofNullable(Sql.one(tx, "SELECT a.name, a.val, COUNT(DISTINCT o.product_id) FROM product_attribute a "
                        + "JOIN product_attribute o ON o.name = a.name AND o.val = a.val "
                        + "WHERE a.product_id = ? AND LOWER(a.name) IN ('category', 'categories', 'cuisine', 'genre', 'genres') "
                        + "GROUP BY a.name, a.val HAVING COUNT(DISTINCT o.product_id) > 1 "
                        + "ORDER BY COUNT(DISTINCT o.product_id) DESC, a.name, a.val LIMIT 1",
                rs -> new ProductGroup(rs.getString(1), rs.getString(2), rs.getLong(3)), productId));
    }

    // The city branch and the attribute branch take the same two parameters (attribute, value) twice.
    static String groupIds() {
        return "SELECT id FROM product WHERE ? = '" + ProductGroup.CITY + "' AND city = ? "
                + "UNION SELECT product_id FROM product_attribute WHERE name = ? AND val = ?";
    }
}
