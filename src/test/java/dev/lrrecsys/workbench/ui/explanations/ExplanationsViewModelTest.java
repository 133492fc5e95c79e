package dev.lrrecsys.workbench.ui.explanations;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.insight.ExplanationQuality;
import dev.lrrecsys.workbench.workflow.MeasureQuality;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The explorer's filter parsing and the quality line, without a window. */
class ExplanationsViewModelTest {

    @Test
    void aMinimumSimilarityIsACosineOrBlank() {
        assertThat(ExplanationsViewModel.similarity(" ")).isNull();
        assertThat(ExplanationsViewModel.similarity(" 0.8 ")).isEqualTo(0.8);
        assertThat(ExplanationsViewModel.similarity("-1")).isEqualTo(-1.0);
        for (String bad : new String[]{"1.5", "high", "0,8"}) {
            assertThatThrownBy(() -> ExplanationsViewModel.similarity(bad)).isInstanceOf(WorkbenchException.class)
                    .hasMessage("Minimum similarity must be a number from -1 to 1, like 0.8, got '" + bad + "'.");
        }
    }

    @Test
    void theQualityLineNamesTheSelectionAndItsFigures() {
        assertThat(ExplanationsViewModel.generatorOf("ollama / llama3.1:8b")).isEqualTo("ollama");
        assertThat(ExplanationsViewModel.generatorOf(null)).isNull();
        ExplanationQuality.Figures synthetic = new ExplanationQuality.Figures(10, 20, 0.05, 0.125, 1.5, true, 0.75, 0.8);
        assertThat(ExplanationsViewModel.describeQuality(new MeasureQuality.Settings("offline", "concise"), synthetic))
                .isEqualTo("Quality of offline, concise (20 explanations): redundancy 0.0500, spuriousness 0.1250, "
                        + "factors per explanation 1.50, driver precision 0.7500, driver recall 0.8000");
        ExplanationQuality.Figures real = new ExplanationQuality.Figures(10, 20, 0, 0.5, 2, false, Double.NaN, Double.NaN);
        assertThat(ExplanationsViewModel.describeQuality(new MeasureQuality.Settings("offline", null), real))
                .isEqualTo("Quality of offline, every variant (20 explanations): redundancy 0.0000, spuriousness 0.5000, "
                        + "factors per explanation 2.00");
    }
}
