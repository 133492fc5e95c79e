package dev.lrrecsys.workbench.ui.uncertainty;

import dev.lrrecsys.workbench.evaluate.UncertaintyAnalysis.Definition;
import dev.lrrecsys.workbench.store.ExperimentRepository.UncertaintyRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UncertaintyViewModelTest {

    private static final List<UncertaintyRow> ROWS = List.of(
            new UncertaintyRow(1, 0.0, 1.0, 0.1),
            new UncertaintyRow(2, 0.5, 0.5, 0.2),
            new UncertaintyRow(3, 1.0, 0.0, 0.3));

    @Test
    void theChosenDefinitionPicksTheUncertaintyColumn() {
        UncertaintyViewModel.Scatter paper = UncertaintyViewModel.Scatter.of(ROWS, Definition.ALL_MODELS);
        UncertaintyViewModel.Scatter baselines = UncertaintyViewModel.Scatter.of(ROWS, Definition.BASELINES_ONLY);

        assertThat(paper.fit().slope()).isCloseTo(0.2, within(1e-12));
        assertThat(baselines.fit().slope()).isCloseTo(-0.2, within(1e-12));
        assertThat(UncertaintyViewModel.describe(baselines, Definition.BASELINES_ONLY))
                .startsWith("uncertainty over baselines only; least squares: gain = 0.3000 + -0.2000 x uncertainty;");
    }

    @Test
    void anExperimentWithoutTheBaselinesOnlyColumnSaysItWasNotMeasured() {
        List<UncertaintyRow> older = List.of(new UncertaintyRow(1, 0.0, Double.NaN, 0.1),
                new UncertaintyRow(2, 1.0, Double.NaN, 0.3));

        UncertaintyViewModel.Scatter s = UncertaintyViewModel.Scatter.of(older, Definition.BASELINES_ONLY);

        assertThat(s.sampleIds()).isEmpty();
        assertThat(UncertaintyViewModel.describe(s, Definition.BASELINES_ONLY)).isEqualTo(
                "Uncertainty over baselines only was not measured in this experiment: it needs two baselines, and "
                        + "experiments stored by earlier versions have only the paper's definition.");
    }
}
