package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.workflow.TrainAndEvaluate;
import org.junit.jupiter.api.Test;

import java.util.List;

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
    void rankingCandidatesSourceIsAutomaticByDefaultAndEachChoiceReachesTheSettings() {
        TrainingSettingsViewModel vm = TrainingSettingsViewModel.withDefaults();
        assertThat(vm.candidateSources()).containsExactly("automatic", "generate", "nearest", "pool");
        assertThat(vm.candidateSourceProperty().get()).isEqualTo("automatic");
        assertThat(vm.settings().ranking()).isEqualTo(TrainAndEvaluate.Settings.defaults().ranking());
        for (String source : List.of("generate", "nearest", "pool")) {
            vm.candidateSourceProperty().set(source);
            assertThat(vm.settings().ranking().candidateExplanations()).isEqualTo(source);
        }
        assertThat(TrainingSettingsViewModel.candidateSourceLabel("pool")).isEqualTo("Reasoning pool: nearest seed sample");
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
        vm.validationFractionProperty().set("0.1");
        vm.weightDecayProperty().set("lots");
        assertThatThrownBy(vm::settings).isInstanceOf(WorkbenchException.class)
                .hasMessage("weight decay must be a number like 0.0001, got 'lots'.");
        vm.weightDecayProperty().set("-1");
        assertThatThrownBy(vm::settings).hasMessage("weight decay must be in [0, 1.0], got -1.0.");
        vm.weightDecayProperty().set("0.0001");
        vm.dropoutProperty().set("0.95");
        assertThatThrownBy(vm::settings).hasMessage("dropout must be in [0, 0.9], got 0.95.");
        vm.dropoutProperty().set("0.2");
        assertThat(vm.settings().weightDecay()).isEqualTo(1e-4);
        assertThat(vm.settings().dropout()).isEqualTo(0.2);
    }

    @Test
    void theChoicesAreRememberedAndPutBackNextTime() throws Exception {
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot()
                .node("dev/lrrecsys/workbench-trainprefs-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            dev.lrrecsys.workbench.ui.WorkbenchPreferences prefs = new dev.lrrecsys.workbench.ui.WorkbenchPreferences(node);
            assertThat(prefs.trainingChoices()).isNull();
            TrainingSettingsViewModel first = TrainingSettingsViewModel.withDefaults();
            first.taskProperty().set(dev.lrrecsys.workbench.model.PredictionTask.CLASSIFICATION);
            first.chosen().setAll("mf", "sasrec");
            first.epochsProperty().set(7);
            first.repeatsProperty().set(3);
            first.fractionsProperty().set("0.5,1.0");
            prefs.setTrainingChoices(first.choices());

            TrainingSettingsViewModel next = TrainingSettingsViewModel.withDefaults();
            next.restore(prefs.trainingChoices());
            TrainAndEvaluate.Settings s = next.settings();
            assertThat(s.task()).isEqualTo(dev.lrrecsys.workbench.model.PredictionTask.CLASSIFICATION);
            assertThat(s.models()).containsExactly("mf", "sasrec");
            assertThat(s.epochs()).isEqualTo(7);
            assertThat(s.repeats()).isEqualTo(3);
            assertThat(s.trainFractions()).containsExactly(0.5, 1.0);

            // A model this build no longer offers is left out, not passed on to be refused.
            next.restore(new dev.lrrecsys.workbench.ui.WorkbenchPreferences.TrainingChoices("REGRESSION",
                    java.util.List.of("mf", "retired-model"), 2, 1, "1.0"));
            assertThat(next.chosen()).containsExactly("mf");
        } finally {
            node.removeNode();
        }
    }

    @Test
    void everyOfferedModelHasADescription() {
        TrainingSettingsViewModel vm = TrainingSettingsViewModel.withDefaults();
        assertThat(vm.available()).allSatisfy(m -> assertThat(ModelDescriptions.of(m)).isNotBlank());
        assertThat(dev.lrrecsys.workbench.evaluate.ModelCatalog.standard().ids())
                .allSatisfy(m -> assertThat(ModelDescriptions.of(m)).isNotBlank());
    }
}
