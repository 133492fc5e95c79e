package dev.lrrecsys.workbench.ui.factors;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.KeyFactorRepository;
import dev.lrrecsys.workbench.store.KeyFactorRepository.FactorRow;
import dev.lrrecsys.workbench.store.KeyFactorRepository.RunRow;
import dev.lrrecsys.workbench.ui.DirectBackground;
import dev.lrrecsys.workbench.ui.factors.KeyFactorsViewModel.Segment;
import dev.lrrecsys.workbench.ui.factors.KeyFactorsViewModel.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Key factors view model on hand-stored runs, without JavaFX. */
class KeyFactorsViewModelTest {

    @TempDir
    Path dir;

    private static FactorRow row(String segmentValue, String label, double gate, double effect, int rank) {
        return new FactorRow(segmentValue, "value|cuisine|" + label, "value", "cuisine", label, label, gate, effect, 50, rank);
    }

    private static void save(Database db, String segment, List<FactorRow> rows) {
        db.inTransaction((Database.Work<Long>) tx -> new KeyFactorRepository().save(tx,
                new RunRow(0, segment, 0.01, 30, 1000, 200, 0.9, 1.1), rows));
    }

    @Test
    void saysNothingIsStoredThenShowsTheNewestRunPerSegmentAttributeAndKeepsTheChoiceOnRefresh() {
        try (Project p = Project.create(dir.resolve("bistro"))) {
            List<Throwable> errors = new ArrayList<>();
            KeyFactorsViewModel vm = new KeyFactorsViewModel(new DirectBackground(), p.database(), "bistro", errors::add);
            vm.refresh();
            assertThat(vm.stateProperty().get()).isEqualTo(State.NO_FACTORS);
            assertThat(vm.segments()).isEmpty();
            assertThat(vm.factors()).isEmpty();

            save(p.database(), null, List.of(row("", "Old whole", 0.9, 0.5, 1)));
            save(p.database(), "city", List.of(row("", "Stale whole", 0.8, 0.4, 1), row("Paris", "Stale Paris", 0.7, 0.3, 1)));
            save(p.database(), "budget", List.of(row("", "Budget whole", 0.8, 0.4, 1), row("low", "Cheap eats", 0.6, -0.2, 1)));
            save(p.database(), "city", List.of(row("", "Mexican", 0.95, 0.6, 1), row("", "Smoking area", 0.4, -0.3, 2),
                    row("Lyon", "Bouchon", 0.7, 0.2, 1)));
            vm.refresh();

            assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
            // Whole dataset: the newest run, whatever it was segmented by (the set concise explanations weigh);
            // per attribute: that attribute's newest run only (Paris of the older city run is gone).
            assertThat(vm.segments()).extracting(Segment::label).containsExactly("Whole dataset", "budget = low", "city = Lyon");
            assertThat(vm.segmentProperty().get().label()).isEqualTo("Whole dataset");
            assertThat(vm.factors()).extracting(FactorRow::label).containsExactly("Mexican", "Smoking area");
            assertThat(vm.factors()).extracting(KeyFactorsViewModel::signedGate).containsExactly(0.95, -0.4);
            assertThat(vm.factors()).extracting(KeyFactorsViewModel::sign).containsExactly("+", "-");
            assertThat(vm.summaryProperty().get()).startsWith("2 key factors of 30 candidates; penalty 0.01000; "
                    + "validation RMSE 0.9000 (without factors 1.1000)");

            vm.segmentProperty().set(vm.segments().get(1));
            assertThat(vm.factors()).extracting(FactorRow::label).containsExactly("Cheap eats");
            assertThat(vm.title()).isEqualTo("Key factors: bistro, budget = low");
            assertThat(vm.sourceLabel()).contains("per budget");

            vm.refresh();
            assertThat(vm.segmentProperty().get().label()).isEqualTo("budget = low");
            assertThat(vm.factors()).extracting(FactorRow::label).containsExactly("Cheap eats");
            assertThat(errors).isEmpty();
        }
    }
}
