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
