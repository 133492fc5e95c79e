package dev.lrrecsys.workbench.ui.explanations;

import dev.lrrecsys.workbench.explain.AlignmentScoringJob;
import dev.lrrecsys.workbench.explain.OfflineContrastiveReasoner;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.AlignmentFilter;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository.ExplanationRow;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.ui.DirectBackground;
import dev.lrrecsys.workbench.ui.SampleCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Explanations view model ordering and narrowing by alignment scores, on the sample project (no toolkit). */
class ExplanationsAlignmentTest {

    @Test
    void ordersByLcAndNarrowsToAnIcRange(@TempDir Path tmp) throws Exception {
        List<Throwable> errors = new ArrayList<>();
        try (Project p = SampleCopy.openWithExplanations(tmp)) {
            ExplanationsViewModel vm = new ExplanationsViewModel(new DirectBackground(), p.database(), errors::add);
            vm.refresh();
            assertThat(vm.results().rows()).isNotEmpty().allMatch(r -> vm.score(r, 0).isEmpty());

            new AlignmentScoringJob(p.database(), "offline", OfflineContrastiveReasoner.MODEL, Variant.CONTRASTIVE)
                    .run(TaskContext.silent());
            vm.refresh();
            assertThat(vm.results().rows()).allMatch(r -> !vm.score(r, 0).isEmpty() && !vm.score(r, 1).isEmpty());

            vm.alignmentOrderProperty().set(AlignmentFilter.Order.LC_ASCENDING);
            vm.search();
            List<Double> lc = vm.results().rows().stream().map(r -> Double.parseDouble(vm.score(r, 0))).toList();
            assertThat(lc).hasSize(100).isSorted();
            vm.results().next();
            assertThat(Double.parseDouble(vm.score(vm.results().rows().get(0), 0))).isGreaterThanOrEqualTo(lc.get(99));

            vm.alignmentOrderProperty().set(AlignmentFilter.Order.NONE);
            vm.icRangeProperty().set("..0");
            vm.sideProperty().set("negative");
            vm.search();
            assertThat(vm.results().rows()).isNotEmpty().allMatch(r -> Double.parseDouble(vm.score(r, 1)) <= 0
                    && r.side().equals("negative"));
            long narrowed = vm.results().totalProperty().get();
            vm.icRangeProperty().set("0..");
            vm.search();
            long rest = vm.results().totalProperty().get();
            assertThat(narrowed + rest).isGreaterThanOrEqualTo(1023);
            assertThat(errors).isEmpty();

            vm.lcRangeProperty().set("high");
            vm.search();
            assertThat(errors).extracting(Throwable::getMessage)
                    .containsExactly("LC range must read like 0.5..1, ..0.2, 0.8.. or -1..0, got 'high'.");
        }
    }

    @Test
    void rangesReadBothBoundsEitherBoundOrAMinimum() {
        assertThat(ExplanationsViewModel.range("LC", "0.2..0.8")).containsExactly(0.2, 0.8);
        assertThat(ExplanationsViewModel.range("LC", " ..0.5 ")[1]).isEqualTo(0.5);
        assertThat(ExplanationsViewModel.range("IC", "-1..0")).containsExactly(-1.0, 0.0);
        assertThat(ExplanationsViewModel.range("IC", "0.3")[0]).isEqualTo(0.3);
        assertThat(ExplanationsViewModel.range("IC", " ")).isNull();
    }
}
