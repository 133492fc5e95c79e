package dev.lrrecsys.workbench.store;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.ui.SampleCopy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pages and searches of the Dataset view and the explorer against brute-force queries on the sample
 * project with explanations: walking every page gives exactly the matching rows in id order, whichever way a
 * filter is answered (summary counts, id indexes, or a bounded scan forced by tiny limits).
 */
class BrowsePagingTest {

    /** Tiny limits: every search scans, 50 keys per query and 200 per page. */
    private static final SearchLimits SCAN = new SearchLimits(0, 0, 50, 200);

    @TempDir
    static Path tmp;
    private static Project project;

    @BeforeAll
    static void open() throws Exception {
        project = SampleCopy.openWithExplanations(tmp);
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    void interactionPagesAndSearchesMatchTheirBruteForceRows() {
        Database db = project.database();
        List<Long> all = ids(db, "SELECT id FROM interaction ORDER BY id");
        DatasetBrowseRepository indexed = new DatasetBrowseRepository();
        DatasetBrowseRepository scanning = new DatasetBrowseRepository(SCAN);
        assertThat(walk(db, (tx, after) -> indexed.interactions(tx, "", after, 100), BrowseRows.InteractionRow::id)).isEqualTo(all);
        assertThat(db.read(tx -> indexed.interactions(tx, "", Long.MIN_VALUE, 100)).total()).isEqualTo(all.size());

        for (String search : List.of("U1001", "taco", "a", "no such name")) {
            String like = "%" + search.toLowerCase(Locale.ROOT) + "%";
            List<Long> expected = ids(db, "SELECT i.id FROM interaction i JOIN consumer c ON c.id = i.consumer_id "
                    + "JOIN product p ON p.id = i.product_id WHERE LOWER(c.external_id) LIKE ? OR LOWER(p.name) LIKE ? ORDER BY i.id", like, like);
            assertThat(walk(db, (tx, after) -> indexed.interactions(tx, search, after, 100), BrowseRows.InteractionRow::id))
                    .as("indexed " + search).isEqualTo(expected);
            assertThat(walk(db, (tx, after) -> scanning.interactions(tx, search, after, 30), BrowseRows.InteractionRow::id))
                    .as("scanned " + search).isEqualTo(expected);
            Page<BrowseRows.InteractionRow> first = db.read(tx -> scanning.interactions(tx, search, Long.MIN_VALUE, 30));
            // Nothing named so: known at once (no consumer or product matches), so counted as 0.
            assertThat(first.total()).isEqualTo(expected.isEmpty() ? 0 : Page.UNCOUNTED);
            assertThat(first.rows().size()).isLessThanOrEqualTo(30);
        }
        assertThat(db.read(tx -> indexed.interactions(tx, "U1001", Long.MIN_VALUE, 100)).total())
                .isEqualTo(ids(db, "SELECT i.id FROM interaction i JOIN consumer c ON c.id = i.consumer_id WHERE c.external_id LIKE '%U1001%'").size());
    }

    @Test
    void consumerAndProductSearchesScanInBoundedWindowsAndFindEveryMatch() {
        Database db = project.database();
        DatasetBrowseRepository scanning = new DatasetBrowseRepository(new SearchLimits(0, 0, 7, 20));
        List<Long> consumers = ids(db, "SELECT c.id FROM consumer c WHERE LOWER(c.external_id) LIKE '%10%' OR c.id IN "
                + "(SELECT consumer_id FROM consumer_attribute WHERE LOWER(val) LIKE '%10%') ORDER BY c.id");
        assertThat(consumers).isNotEmpty();
        assertThat(walk(db, (tx, after) -> scanning.consumers(tx, "10", after, 5), r -> r.id())).isEqualTo(consumers);
        List<Long> products = ids(db, "SELECT p.id FROM product p WHERE LOWER(p.name) LIKE '%mex%' OR LOWER(p.external_id) LIKE '%mex%' "
                + "OR LOWER(p.city) LIKE '%mex%' OR p.id IN (SELECT product_id FROM product_attribute WHERE LOWER(val) LIKE '%mex%') ORDER BY p.id");
        assertThat(products).isNotEmpty();
        assertThat(walk(db, (tx, after) -> scanning.products(tx, "Mex", after, 5), r -> r.id())).isEqualTo(products);
        // A page that found nothing within its budget still says more may follow, and starts the next one further on.
        Page<BrowseRows.ProductRow> none = db.read(tx -> scanning.products(tx, "no such product", Long.MIN_VALUE, 5));
        assertThat(none.rows()).isEmpty();
        assertThat(none.more()).isTrue();
    }

    @Test
    void explanationFiltersMatchTheirBruteForceRowsByEveryPath() {
        Database db = project.database();
        // A few failed rows, with the summary rebuilt as the V7 migration does, so the rare-status index path is taken.
        db.inTransaction(tx -> {
            Sql.update(tx, "UPDATE explanation SET status = 'failed', text = NULL, reason = 'test' WHERE MOD(id, 97) = 0");
            Sql.update(tx, "DELETE FROM explanation_count");
            Sql.update(tx, "INSERT INTO explanation_count (generator, model, variant, side, status, n) SELECT generator, model, "
                    + "variant, side, status, COUNT(*) FROM explanation GROUP BY generator, model, variant, side, status");
        });
        // A small second source (a few rows among thousands): counted from the summary, read by a bounded scan.
        List<Long> someSamples = ids(db, "SELECT id FROM sample WHERE MOD(id, 50) = 0 ORDER BY id");
        db.inTransaction(tx -> {
            new ExplanationRepository().save(tx, someSamples.stream().map(id -> new ExplanationRepository.ExplanationRow(id,
                    "contrastive", "positive", "ollama", "small", 1, "h" + id, "ok", "a sentence", null)).toList(), List.of());
        });
        // Reasoning-pool rows (issue 12), written as the pool writes them: every third sample of a few reuses the
        // pair of a seed sample with a similarity from 0 to 0.9, in a concise variant of its own source.
        List<Long> pooled = ids(db, "SELECT id FROM sample WHERE MOD(id, 7) = 0 ORDER BY id");
        db.inTransaction(tx -> {
            new ExplanationRepository().save(tx, pooled.stream().filter(id -> id % 3 == 0).map(id -> new ExplanationRepository.ExplanationRow(id,
                    "concise", "positive", "pool", "m", 1, "h" + id, "ok", "a seed sentence", null)).toList(), List.of());
            new ReasoningPoolRepository().saveRetrieved(tx, pooled.stream().filter(id -> id % 3 != 0).map(id ->
                    new ReasoningPoolRepository.RetrievedRow(id, "concise", "positive", "pool", "m", 1, "h" + id, "a reused sentence",
                            pooled.get(0), (id % 10) / 10.0, null)).toList());
        });
        ExplanationBrowseRepository indexed = new ExplanationBrowseRepository();
        ExplanationBrowseRepository scanning = new ExplanationBrowseRepository(SCAN);
        int productId = ids(db, "SELECT product_id FROM sample GROUP BY product_id ORDER BY COUNT(*) DESC LIMIT 1").get(0).intValue();
        String city = DatabaseSnapshot.strings(db, "SELECT city FROM product WHERE city IS NOT NULL LIMIT 1").get(0);
        String from = "SELECT e.id FROM explanation e JOIN sample s ON s.id = e.sample_id JOIN consumer c ON c.id = s.consumer_id "
                + "JOIN product p ON p.id = s.product_id WHERE ";
        record Case(ExplanationFilter filter, String where, Object... params) {
        }
        List<Case> cases = List.of(
                new Case(ExplanationFilter.none(), "TRUE"),
                new Case(filter(null, null, "negative", "ok", null, null), "e.side = 'negative' AND e.status = 'ok'"),
                new Case(filter(null, null, null, "failed", null, null), "e.status = 'failed'"),
                new Case(new ExplanationFilter(null, null, null, "ollama / small", null, null, null, null), "e.generator = 'ollama'"),
                new Case(filter(null, "U1001", null, null, null, null), "LOWER(c.external_id) LIKE '%u1001%'"),
                new Case(filter(null, null, "positive", null, "price", null), "e.side = 'positive' AND LOWER(e.text) LIKE '%price%'"),
                new Case(filter(null, null, "negative", "ok", null, productId), "e.side = 'negative' AND e.status = 'ok' AND s.product_id = ?", productId),
                new Case(filter("taco", null, null, null, null, null), "(LOWER(p.name) LIKE '%taco%' OR LOWER(p.external_id) LIKE '%taco%')"),
                new Case(new ExplanationFilter(null, null, "negative", null, null, null, null,
                        new KeywordRepository.ProductGroup(KeywordRepository.ProductGroup.CITY, city, 0)), "e.side = 'negative' AND p.city = ?", city),
                new Case(selection(null, "concise", null, null, null), "e.variant = 'concise'"),
                new Case(selection("pool / m", null, "retrieved", null, null), "e.generator = 'pool' AND e.source = 'retrieved'"),
                new Case(selection(null, null, "generated", "positive", null), "e.source = 'generated' AND e.side = 'positive'"),
                new Case(selection(null, "concise", null, null, 0.5), "e.variant = 'concise' AND e.similarity >= 0.5"),
                new Case(selection(null, null, "retrieved", null, 0.85), "e.source = 'retrieved' AND e.similarity >= 0.85"),
                new Case(new ExplanationFilter(null, null, null, null, null, null, productId, null, null, "retrieved", 0.3),
                        "s.product_id = ? AND e.source = 'retrieved' AND e.similarity >= 0.3", productId));
        for (Case c : cases) {
            List<Long> expected = ids(db, from + c.where() + " ORDER BY e.id", c.params());
            assertThat(walk(db, (tx, after) -> indexed.page(tx, c.filter(), after, 100), r -> r.id()))
                    .as("default " + c.where()).isEqualTo(expected);
            assertThat(walk(db, (tx, after) -> scanning.page(tx, c.filter(), after, 40), r -> r.id()))
                    .as("scanned " + c.where()).isEqualTo(expected);
            long total = db.read(tx -> indexed.page(tx, c.filter(), Long.MIN_VALUE, 100)).total();
            assertThat(total).as("total " + c.where()).isIn(Page.UNCOUNTED, (long) expected.size());
        }
        assertThat(db.read(tx -> indexed.page(tx, filter(null, null, null, "failed", null, null), Long.MIN_VALUE, 10)).total())
                .isEqualTo(ids(db, "SELECT id FROM explanation WHERE status = 'failed'").size()).isPositive();
        assertThat(db.read(tx -> indexed.page(tx, new ExplanationFilter(null, null, null, "ollama / small", null, null, null, null),
                Long.MIN_VALUE, 10)).total()).isEqualTo(someSamples.size()).isPositive();
        // The variant is counted from the summary; the pool's retrieved rows are there and say so.
        assertThat(db.read(tx -> indexed.page(tx, selection(null, "concise", null, null, null), Long.MIN_VALUE, 10)).total())
                .isEqualTo(pooled.size()).isPositive();
        List<Long> retrieved = ids(db, "SELECT id FROM explanation WHERE source = 'retrieved' AND similarity >= 0.85 ORDER BY id");
        assertThat(retrieved).isNotEmpty();
        assertThat(db.read(tx -> indexed.page(tx, selection(null, null, "retrieved", null, 0.85), Long.MIN_VALUE, 1000)).rows())
                .allSatisfy(r -> assertThat(r.origin()).startsWith("retrieved from sample " + pooled.get(0) + " (similarity 0.9"));
    }

    @Test
    void aWindowScanStopsAtItsBudgetAndGoesOnFromThere() throws SQLException {
        List<Long> keys = List.of(3L, 250L, 251L, 900L);
        KeyWindowScan.Window<Long> window = (after, upTo, n) -> keys.stream().filter(k -> k > after && k <= upTo).limit(n).toList();
        SearchLimits limits = new SearchLimits(0, 0, 100, 200);
        Page<Long> first = KeyWindowScan.page(limits, Long.MIN_VALUE, 1, 1000, 10, window, k -> k);
        assertThat(first.rows()).containsExactly(3L);
        assertThat(first.more()).isTrue();
        assertThat(first.nextKey()).isEqualTo(200L);
        Page<Long> second = KeyWindowScan.page(limits, first.nextKey(), 1, 1000, 1, window, k -> k);
        assertThat(second.rows()).containsExactly(250L);
        assertThat(second.nextKey()).isEqualTo(250L);
    }

    @Test
    void anOriginOutsideGeneratedAndRetrievedIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExplanationFilter(null, null, null, null, null, null,
                null, null, null, "copied", null)).hasMessage("origin must be generated or retrieved, got 'copied'");
    }

    private static ExplanationFilter selection(String source, String variant, String origin, String side, Double minSimilarity) {
        return new ExplanationFilter(null, null, side, source, null, null, null, null, variant, origin, minSimilarity);
    }

    private static ExplanationFilter filter(String product, String consumer, String side, String status, String text, Integer productId) {
        return new ExplanationFilter(product, consumer, side, null, status, text, productId, null);
    }

    @FunctionalInterface
    interface Pager<T> {
        Page<T> page(Tx tx, long after) throws SQLException;
    }

    /** Follows Next until no page follows; returns the keys of every row shown. */
    private static <T> List<Long> walk(Database db, Pager<T> pager, ToLongFunction<T> key) {
        return db.read(tx -> {
            List<Long> out = new ArrayList<>();
            long after = Long.MIN_VALUE;
            for (int guard = 0; guard < 10_000; guard++) {
                Page<T> p = pager.page(tx, after);
                p.rows().forEach(r -> out.add(key.applyAsLong(r)));
                if (!p.more()) {
                    return out;
                }
                after = p.nextKey();
            }
            throw new AssertionError("paging never ended");
        });
    }

    private static List<Long> ids(Database db, String sql, Object... params) {
        return db.read(tx -> Sql.list(tx, sql, rs -> rs.getLong(1), params));
    }
}
