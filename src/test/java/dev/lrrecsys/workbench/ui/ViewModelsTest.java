package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.insight.KeywordIndexJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.task.TrackedTask;
import dev.lrrecsys.workbench.ui.dataset.DatasetViewModel;
import dev.lrrecsys.workbench.ui.explanations.ExplanationsViewModel;
import dev.lrrecsys.workbench.ui.keywords.KeywordsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** View models against a real sample project, without the JavaFX toolkit (synchronous background). */
class ViewModelsTest {

    private final List<Throwable> errors = new ArrayList<>();

    @Test
    void datasetPagesThroughTablesAndFilters(@TempDir Path tmp) {
        try (Project p = SampleCopy.open(tmp)) {
            DatasetViewModel vm = new DatasetViewModel(new DirectBackground(), p.database(), errors::add);
            vm.refresh();
            assertThat(vm.countsProperty().get()).startsWith("138 consumers   130 products   1,161 interactions");
            assertThat(vm.histogram()).extracting(r -> r.rating()).containsExactly(0.0, 1.0, 2.0);
            assertThat(vm.histogram().stream().mapToLong(r -> r.count()).sum()).isEqualTo(1161);
            assertThat(vm.interactions().rows()).hasSize(100);
            assertThat(vm.interactions().rangeText().get()).isEqualTo("Rows 1-100 of 1,161");
            vm.interactions().next();
            assertThat(vm.interactions().rangeText().get()).isEqualTo("Rows 101-200 of 1,161");
            long firstOfSecondPage = vm.interactions().rows().get(0).id();
            vm.interactions().previous();
            assertThat(vm.interactions().rangeText().get()).isEqualTo("Rows 1-100 of 1,161");
            assertThat(vm.interactions().rows().get(99).id()).isLessThan(firstOfSecondPage);
            vm.interactions().next();
            assertThat(vm.interactions().rows().get(0).id()).isEqualTo(firstOfSecondPage);
            vm.searchProperty().set("U1001");
            vm.applySearch();
            assertThat(vm.consumers().rows()).extracting(r -> r.externalId()).containsExactly("U1001");
            assertThat(vm.interactions().rows()).allMatch(r -> r.consumer().equals("U1001"));
            assertThat(vm.emptyProperty().get()).isFalse();
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void uncountedSearchPagesSayTheyShowTheFirstMatches() {
        assertThat(PagedQuery.describe(0, 100, 1_161, true)).isEqualTo("Rows 1-100 of 1,161");
        assertThat(PagedQuery.describe(100, 37, -1, true)).isEqualTo("Matches 101-137 (first matches found, not counted; Next searches on)");
        assertThat(PagedQuery.describe(0, 12, -1, false)).isEqualTo("Matches 1-12 (first matches found, not counted; no more)");
        assertThat(PagedQuery.describe(0, 0, -1, true)).isEqualTo("No matches in this stretch: Next searches on");
        assertThat(PagedQuery.describe(0, 0, 0, false)).isEqualTo("No rows");
        assertThat(PagedQuery.describe(3, 0, 12, true)).isEqualTo("No matches in this stretch (12 in all): Next searches on");
    }

    @Test
    void explanationsAndKeywordsSayWhatIsMissingThenShowData(@TempDir Path tmp) throws Exception {
        try (Project p = SampleCopy.open(tmp)) {
            ExplanationsViewModel explanations = new ExplanationsViewModel(new DirectBackground(), p.database(), errors::add);
            explanations.refresh();
            assertThat(explanations.emptyProperty().get()).isTrue();
            KeywordsViewModel keywords = new KeywordsViewModel(new DirectBackground(), p.database(), errors::add);
            keywords.refresh();
            assertThat(keywords.stateProperty().get()).isEqualTo(KeywordsViewModel.State.NO_EXPLANATIONS);
        }
        try (Project p = SampleCopy.openWithExplanations(tmp.resolve("with"))) {
            KeywordsViewModel keywords = new KeywordsViewModel(new DirectBackground(), p.database(), errors::add);
            keywords.refresh();
            assertThat(keywords.stateProperty().get()).isEqualTo(KeywordsViewModel.State.NOT_BUILT);
            new KeywordIndexJob(p.database(), keywords.sourceProperty().get()).run(TaskContext.silent());
            keywords.refresh();
            assertThat(keywords.stateProperty().get()).isEqualTo(KeywordsViewModel.State.READY);
            KeywordRepository.ProductMentions busiest = keywords.products().stream()
                    .max(java.util.Comparator.comparingLong(KeywordRepository.ProductMentions::negative)).orElseThrow();
            keywords.productProperty().set(busiest);
            assertThat(keywords.negative()).isNotEmpty().hasSizeLessThanOrEqualTo(15);
            assertThat(keywords.negativeTitleProperty().get()).isEqualTo("Why not (" + busiest.negative() + " explanations)");

            ExplanationsViewModel explanations = new ExplanationsViewModel(new DirectBackground(), p.database(), errors::add);
            explanations.refresh();
            explanations.apply(keywords.drillDown(KeywordsViewModel.NEGATIVE, keywords.negative().get(0)));
            assertThat(explanations.results().rows()).isNotEmpty().allMatch(r -> r.productId() == busiest.id()
                    && r.side().equals("negative") && r.text().toLowerCase().contains(keywords.negative().get(0).term()));

            explanations.showPrompt();
            assertThat(explanations.detailProperty().get()).isEqualTo("Select an explanation first: its prompt is rebuilt on demand.");
            explanations.selectedProperty().set(explanations.results().rows().get(0));
            explanations.showPrompt();
            assertThat(explanations.detailProperty().get()).contains("--- Prompt ---\nThe offline reasoner sends no prompt",
                    "Its SHA-256 matches the stored prompt_hash", "SHA-256: " + explanations.results().rows().get(0).promptHash());
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void onlyTheNewestRequestIsApplied() {
        List<Runnable> pending = new ArrayList<>();
        Background deferred = new Background() {
            @Override
            public <R> TrackedTask<R> start(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <R> void load(Job<R> job, Consumer<R> onSuccess, Consumer<Throwable> onFailure) {
                pending.add(() -> {
                    try {
                        onSuccess.accept(job.run(TaskContext.silent()));
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
            }
        };
        LatestOnly latest = new LatestOnly();
        List<String> applied = new ArrayList<>();
        latest.load(deferred, new NamedJob<>("first", c -> "first"), applied::add, errors::add);
        latest.load(deferred, new NamedJob<>("second", c -> "second"), applied::add, errors::add);
        pending.get(1).run(); // the newer answers first
        pending.get(0).run(); // the older one arrives late and must be dropped
        assertThat(applied).containsExactly("second");
    }
}
