package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.workflow.TrainAndEvaluate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Train dialog's choices become the workflow's settings; what it refuses is said in the window's words. */
class TrainingSettingsViewModelTest {

    @Test
    void mapsTheChosenExplanationsAndModelsOntoTheWorkflowSettings() {
        TrainingSettingsViewModel vm = TrainingSettingsViewModel.withDefaults();
        vm.chosen().setAll("lr-recsys", "mf");
        vm.epochsProperty().set(5);
        vm.patienceProperty().set(0);
        vm.validationFractionProperty().set(" 0.2");
        vm.fractionsProperty().set("0.5, 1.0");
        vm.sourceProperty().set(new KeywordRepository.Source("ollama", "llama3.1"));
        TrainAndEvaluate.Settings s = vm.settings();
        assertThat(s.models()).containsExactly("lr-recsys", "mf");
        assertThat(s.epochs()).isEqualTo(5);
        assertThat(s.patience()).isZero();
        assertThat(s.validationFraction()).isEqualTo(0.2);
        assertThat(s.autoencoderEpochsOrDefault()).isEqualTo(5);
        assertThat(s.trainFractions()).containsExactly(0.5, 1.0);
        assertThat(s.generator()).isEqualTo("ollama");
        assertThat(s.generatorModel()).isEqualTo("llama3.1");
    }

    @Test
    void refusalsNameTheSettingNotACommandLineFlag() {
        TrainingSettingsViewModel vm = TrainingSettingsViewModel.withDefaults();
        vm.fractionsProperty().set("2");
        assertThatThrownBy(vm::settings).isInstanceOf(WorkbenchException.class)
                .hasMessage("training fraction must be in (0, 1], got 2.0.");
        vm.fractionsProperty().set("1.0");
        vm.chosen().clear();
        assertThatThrownBy(vm::settings).hasMessage("Choose at least one model.");
        vm.chosen().add("mf");
        vm.validationFractionProperty().set("a tenth");
        assertThatThrownBy(vm::settings).isInstanceOf(WorkbenchException.class)
                .hasMessage("validation fraction must be a number like 0.1, got 'a tenth'.");
        vm.validationFractionProperty().set("0.7");
        assertThatThrownBy(vm::settings).hasMessage("validation fraction must be in [0, 0.5], got 0.7.");
    }
}
