package dev.lrrecsys.workbench.ui.caseworkbench;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.AlignmentRepository;
import dev.lrrecsys.workbench.store.CaseRepository.ProductItem;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.ui.DirectBackground;
import dev.lrrecsys.workbench.workflow.InspectCase.CaseReport;
import dev.lrrecsys.workbench.workflow.ScoreExplanations;
import dev.lrrecsys.workbench.workflow.TrainedCaseProject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case workbench's view model without a window, on the trained case project: the stored LC and IC of the pair,
 * and the product picker filling the candidate and history fields that Predict again reads. Slow: the shared trained
 * project takes about a minute to build on a loaded machine.
 */
@Tag("slow")
class CaseWorkbenchViewModelTest {

    @TempDir
    Path tmp;

    @Test
    void showsTheStoredAlignmentScoresOfThePairOrSaysToRunScores() throws Exception {
        List<Throwable> errors = new ArrayList<>();
        try (Project p = Project.open(TrainedCaseProject.copyTo(tmp))) {
            CaseWorkbenchViewModel vm = new CaseWorkbenchViewModel(new DirectBackground(), p, errors::add);
            vm.refresh();
            assertThat(vm.reportProperty().get()).isNotNull();
            assertThat(vm.lcProperty().get()).isEmpty();
            assertThat(vm.icProperty().get()).isEmpty();
            assertThat(vm.alignmentNoteProperty().get()).isEqualTo("not scored yet: run lrw scores");

            ScoreExplanations.job(p, ScoreExplanations.Settings.defaults()).run(TaskContext.silent());
            vm.reset();
            CaseReport r = vm.reportProperty().get();
            AlignmentRepository.ScoreRow stored = p.database().read(tx -> new AlignmentRepository()
                    .score(tx, "offline", r.run().generatorModel(), "contrastive", r.sampleId())).orElseThrow();
            assertThat(vm.lcProperty().get()).isEqualTo(String.format(Locale.ROOT, "%.3f", stored.lc()));
            assertThat(vm.icProperty().get()).isEqualTo(String.format(Locale.ROOT, "%.3f", stored.ic()));
            assertThat(vm.alignmentNoteProperty().get()).isEqualTo("of the stored pair (docs/alignment.md)");
            assertThat(vm.feedingProperty().get()).isEmpty();

            vm.positiveProperty().set("The consumer visited this restaurant because they like feature 3.");
            vm.predictAgain();
            CaseReport edited = vm.reportProperty().get();
            assertThat(vm.lcProperty().get()).isEqualTo(String.format(Locale.ROOT, "%.3f", stored.lc()));
            assertThat(vm.alignmentNoteProperty().get()).isEqualTo("of the stored pair (docs/alignment.md); the edited texts: LC "
                    + edited.alignment().editedLcText() + ", IC " + edited.alignment().editedIcText() + " (same probe)");
            assertThat(edited.alignment().editedLcText()).isNotEmpty();
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void thePickerFillsTheCandidateAndSwapsAHistoryProductThatPredictAgainReads() {
        List<Throwable> errors = new ArrayList<>();
        try (Project p = Project.open(TrainedCaseProject.copyTo(tmp))) {
            CaseWorkbenchViewModel vm = new CaseWorkbenchViewModel(new DirectBackground(), p, errors::add);
            vm.refresh();
            assertThat(vm.products()).hasSize(10);
            assertThat(vm.productCountProperty().get()).isEqualTo("10 matches");
            vm.productSearchProperty().set("product 7");
            assertThat(vm.products()).extracting(ProductItem::externalId).containsExactly("p7");
            assertThat(vm.productCountProperty().get()).isEqualTo("1 match");
            vm.productSearchProperty().set("P3");
            assertThat(vm.products()).extracting(ProductItem::externalId).containsExactly("p3");
            vm.productSearchProperty().set("nothing like it");
            assertThat(vm.products()).isEmpty();
            assertThat(vm.productCountProperty().get()).isEqualTo("no product matches");

            List<String> history = vm.reportProperty().get().original().history();
            assertThat(history).isNotEmpty();
            assertThat(vm.historySlots()).hasSize(history.size() + (history.size() < 5 ? 1 : 0))
                    .startsWith("#1 (" + history.get(0) + ")");
            ProductItem p7 = pick(vm, "p7");
            vm.useAsCandidate(p7);
            assertThat(vm.candidateProperty().get()).isEqualTo("p7");
            ProductItem p3 = pick(vm, "p3");
            vm.swapIntoHistory(0, p3);
            List<String> swapped = new ArrayList<>(history);
            swapped.set(0, "p3");
            assertThat(vm.historyProperty().get()).isEqualTo(String.join(", ", swapped));
            assertThat(vm.historySlots().get(0)).isEqualTo("#1 (p3)");

            vm.predictAgain();
            CaseReport r = vm.reportProperty().get();
            assertThat(r.counterfactual()).isNotNull();
            assertThat(r.counterfactual().candidate()).isEqualTo("p7");
            assertThat(r.counterfactual().history()).containsExactlyElementsOf(swapped);
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void theCountSaysWhenTheListIsCutShort() {
        assertThat(CaseWorkbenchViewModel.countText(50, 812)).isEqualTo("first 50 of 812 matches: type to narrow");
        assertThat(CaseWorkbenchViewModel.countText(3, 3)).isEqualTo("3 matches");
        assertThat(CaseWorkbenchViewModel.slots(List.of("a", "b", "c", "d", "e"))).containsExactly("#1 (a)", "#2 (b)", "#3 (c)",
                "#4 (d)", "#5 (e)");
        assertThat(CaseWorkbenchViewModel.slots(List.of())).containsExactly(CaseWorkbenchViewModel.ADD_AS_NEWEST);
    }

    private static ProductItem pick(CaseWorkbenchViewModel vm, String id) {
        vm.productSearchProperty().set(id);
        return vm.products().stream().filter(i -> i.externalId().equals(id)).findFirst().orElseThrow();
    }
}
