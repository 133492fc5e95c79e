package dev.lrrecsys.workbench.insight;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.ui.SampleCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeywordIndexJobTest {

    private static final Source OFFLINE = new Source("offline", "offline reasoner (no LLM)");

    private final KeywordRepository repository = new KeywordRepository();

    @Test
    void countsEveryTermOfEveryProductAndSideAndMarksTheIndexBuilt(@TempDir Path tmp) throws Exception {
        try (Project p = SampleCopy.openWithExplanations(tmp)) {
            long indexable = p.database().read(tx -> repository.countIndexable(tx, OFFLINE));
            KeywordIndexJob.Result r = new KeywordIndexJob(p.database(), OFFLINE).run(TaskContext.silent());
            assertThat(r.explanations()).isEqualTo(indexable).isPositive();
            Optional<KeywordRepository.BuiltIndex> built = p.database().read(tx -> repository.built(tx, OFFLINE));
            assertThat(built).get().extracting(KeywordRepository.BuiltIndex::explanations).isEqualTo(indexable);

            // Recount one product's negative side straight from its explanations.
            int productId = p.database().read(tx -> repository.products(tx, OFFLINE)).stream()
                    .filter(m -> m.negative() > 0).findFirst().orElseThrow().id();
            var rows = p.database().read(tx -> new ExplanationBrowseRepository().page(tx,
                    new ExplanationFilter(null, null, "negative", OFFLINE.label(), "ok", null, productId, null), 0, 10_000)).rows();
            Map<String, Long> expected = new HashMap<>();
            KeywordTokenizer tokenizer = new KeywordTokenizer();
            rows.forEach(e -> tokenizer.terms(e.text()).forEach(t -> expected.merge(t, 1L, Long::sum)));
            Map<String, Long> stored = new HashMap<>();
            p.database().read(tx -> repository.productTerms(tx, OFFLINE, productId, "negative"))
                    .forEach(t -> stored.put(t.term(), t.count()));
            assertThat(stored).isEqualTo(expected);
            assertThat(p.database().read(tx -> repository.productTotals(tx, OFFLINE, productId, "negative")).explanations())
                    .isEqualTo(rows.size());

            // Rebuilding gives the same counts, not doubled ones.
            new KeywordIndexJob(p.database(), OFFLINE).run(TaskContext.silent());
            Map<String, Long> again = new HashMap<>();
            p.database().read(tx -> repository.productTerms(tx, OFFLINE, productId, "negative"))
                    .forEach(t -> again.put(t.term(), t.count()));
            assertThat(again).isEqualTo(expected);
        }
    }

    /** A small synthetic world whose explanations come from a reasoning pool of 20% seed consumers. */
    static Project poolProject(Path dir) throws Exception {
        Project p = dev.lrrecsys.workbench.explain.ExplainFixtures.synthWorld(dir, 60, 20, 600, 3);
        dev.lrrecsys.workbench.samples.SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
        new dev.lrrecsys.workbench.explain.ReasoningPool(p.database(), new dev.lrrecsys.workbench.explain.OfflineGenerator(),
                new dev.lrrecsys.workbench.explain.GenerationRequest(dev.lrrecsys.workbench.explain.Variant.CONTRASTIVE, 0,
                        false, dev.lrrecsys.workbench.explain.GenerationRequest.OFFLINE_COMMIT_EVERY),
                new dev.lrrecsys.workbench.explain.PoolSettings(0.2, 0.5, 1,
                        dev.lrrecsys.workbench.explain.PoolMatch.ANY)).run(TaskContext.silent());
        return p;
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void aProductCountsOnlyGeneratedExplanationsAndThoseRetrievedFromASeedOfTheSameProduct(@TempDir Path tmp) throws Exception {
        try (Project p = poolProject(tmp.resolve("w"))) {
            long indexable = p.database().read(tx -> repository.countIndexable(tx, OFFLINE));
            KeywordIndexJob.Result r = new KeywordIndexJob(p.database(), OFFLINE).run(TaskContext.silent());
            // What a product may count, straight from the explanations: its own generated rows, and retrieved rows
            // whose seed sample has the same candidate product.
            String about = "SELECT COUNT(*) FROM explanation e JOIN sample s ON s.id = e.sample_id LEFT JOIN sample seed "
                    + "ON seed.id = e.seed_sample_id WHERE e.status = 'ok' AND e.variant = 'contrastive' AND s.product_id = ? "
                    + "AND e.side = ? AND ";
            String counted = about + "(e.source = 'generated' OR seed.product_id = s.product_id)";
            String leftOut = about + "e.source = 'retrieved' AND seed.product_id <> s.product_id";
            long allLeftOut = dev.lrrecsys.workbench.store.TableSnapshot.count(p.database(), leftOut.replace(
                    "s.product_id = ? AND e.side = ? AND ", ""));
            assertThat(allLeftOut).isPositive();
            assertThat(r.leftOut()).isEqualTo(allLeftOut);
            assertThat(r.explanations()).isEqualTo(indexable - allLeftOut);
            assertThat(r.leftOutNote()).isEqualTo(", " + allLeftOut + " retrieved explanations left out (written about "
                    + "another product)");
            Optional<KeywordRepository.BuiltIndex> built = p.database().read(tx -> repository.built(tx, OFFLINE));
            assertThat(built).get().extracting(KeywordRepository.BuiltIndex::explanations).isEqualTo(indexable - allLeftOut);
            long storedLeftOut = p.database().read(tx -> repository.leftOut(tx, OFFLINE));
            assertThat(storedLeftOut).isEqualTo(allLeftOut);
            for (var m : p.database().read(tx -> repository.products(tx, OFFLINE))) {
                for (String side : java.util.List.of("positive", "negative")) {
                    KeywordRepository.SideTotals t = p.database().read(tx -> repository.productTotals(tx, OFFLINE, m.id(), side));
                    assertThat(t.explanations()).as(m.name() + " " + side).isEqualTo(
                            dev.lrrecsys.workbench.store.TableSnapshot.count(p.database(), counted, m.id(), side));
                    assertThat(t.leftOut()).as(m.name() + " " + side).isEqualTo(
                            dev.lrrecsys.workbench.store.TableSnapshot.count(p.database(), leftOut, m.id(), side));
                }
            }
            // The terms of the product with the most left out are those of its counted texts only.
            int productId = p.database().read(tx -> repository.products(tx, OFFLINE)).stream()
                    .max(java.util.Comparator.comparingLong(m -> dev.lrrecsys.workbench.store.TableSnapshot.count(
                            p.database(), leftOut, m.id(), "negative"))).orElseThrow().id();
            Map<String, Long> expected = new HashMap<>();
            KeywordTokenizer tokenizer = new KeywordTokenizer();
            dev.lrrecsys.workbench.store.TableSnapshot.rows(p.database(), counted.replace("SELECT COUNT(*)", "SELECT e.text")
                    .replace("s.product_id = ? AND e.side = ?", "s.product_id = " + productId + " AND e.side = 'negative'"))
                    .forEach(text -> tokenizer.distinctTerms(text).forEach(t -> expected.merge(t, 1L, Long::sum)));
            Map<String, Long> stored = new HashMap<>();
            p.database().read(tx -> repository.productTerms(tx, OFFLINE, productId, "negative"))
                    .forEach(t -> stored.put(t.term(), t.count()));
            assertThat(stored).isEqualTo(expected);
            KeywordAggregator.SideKeywords k = p.database().read(tx -> new KeywordAggregator().forProduct(tx, OFFLINE,
                    productId, "negative", KeywordRanking.FREQUENCY, 5));
            assertThat(k.leftOut()).isPositive().isEqualTo(dev.lrrecsys.workbench.store.TableSnapshot.count(
                    p.database(), leftOut, productId, "negative"));
        }
    }

    @Test
    void refusesAProjectWithoutExplanationsAndWritesNothing(@TempDir Path tmp) {
        try (Project p = SampleCopy.open(tmp)) {
            assertThatThrownBy(() -> new KeywordIndexJob(p.database(), OFFLINE).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("No 'ok' contrastive explanations from offline / offline reasoner (no LLM) to index: "
                            + "generate explanations first (lrw generate).");
            assertThat(p.database().read(repository::builtSources)).isEmpty();
        }
    }

    @Test
    void aCancelledBuildIsNotShownAsBuilt(@TempDir Path tmp) throws Exception {
        try (Project p = SampleCopy.openWithExplanations(tmp)) {
            TaskContext cancelled = new TaskContext() {
                @Override public void progress(long done, long total, String message) { }
                @Override public void message(String message) { }
                @Override public boolean isCancelled() { return true; }
            };
            assertThatThrownBy(() -> new KeywordIndexJob(p.database(), OFFLINE).run(cancelled)).isInstanceOf(CancelledException.class);
            Optional<KeywordRepository.BuiltIndex> built = p.database().read(tx -> repository.built(tx, OFFLINE));
            assertThat(built).isEmpty();
        }
    }
}
