package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.ExperimentOutcome;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.ui.SampleCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Train and evaluate": its defaults, its messages (naming the setting, never a CLI flag), and one short real run. */
class TrainAndEvaluateTest {

    @TempDir
    Path tmp;

    private static TrainAndEvaluate.Settings with(int repeats, int epochs, Integer aeEpochs, int batch, double rate,
                                                  List<Double> fractions) {
        return stopping(repeats, epochs, 0.1, 3, aeEpochs, batch, rate, fractions);
    }

    private static TrainAndEvaluate.Settings stopping(int repeats, int epochs, double validationFraction, int patience,
                                                      Integer aeEpochs, int batch, double rate, List<Double> fractions) {
        return new TrainAndEvaluate.Settings(PredictionTask.REGRESSION, List.of("mf"), repeats, epochs, validationFraction,
                patience, aeEpochs, batch, rate, 42, fractions, "offline", null, false);
    }

    @Test
    void theDefaultsAreTheCliDefaults() {
        TrainAndEvaluate.Settings d = TrainAndEvaluate.Settings.defaults();
        assertThat(List.of(d.repeats(), d.epochs(), d.autoencoderEpochsOrDefault(), d.batchSize())).containsExactly(5, 20, 20, 128);
        assertThat(d.learningRate()).isEqualTo(0.01);
        assertThat(d.validationFraction()).isEqualTo(0.1);
        assertThat(d.patience()).isEqualTo(3);
        assertThat(d.trainFractions()).containsExactly(1.0);
        assertThat(d.generatorModel()).isEqualTo("offline reasoner (no LLM)");
        assertThat(d.models()).contains("lr-recsys", "id-only", "mf");
        assertThat(d.resume()).isFalse();
    }

    @Test
    void badSettingsNameTheSetting() {
        Map<String, Runnable> cases = Map.of(
                "repeats must be at least 1, got 0.", () -> with(0, 1, null, 8, 0.01, List.of(1.0)),
                "epochs must be at least 1, got 0.", () -> with(1, 0, null, 8, 0.01, List.of(1.0)),
                "autoencoder epochs must be at least 1, got 0.", () -> with(1, 1, 0, 8, 0.01, List.of(1.0)),
                "batch size must be at least 1, got 0.", () -> with(1, 1, null, 0, 0.01, List.of(1.0)),
                "learning rate must be positive, got NaN.", () -> with(1, 1, null, 8, Double.NaN, List.of(1.0)),
                "training fraction must be in (0, 1], got 1.5.", () -> with(1, 1, null, 8, 0.01, List.of(0.5, 1.5)),
                "Choose at least one model.", () -> TrainAndEvaluate.Settings.defaults().withModels(List.of()),
                "Name the generator's model (e.g. llama3.1).", () -> new TrainAndEvaluate.Settings(PredictionTask.REGRESSION,
                        List.of("mf"), 1, 1, 0.1, 3, null, 8, 0.01, 42, List.of(1.0), "ollama", null, false),
                "task must be regression, classification or ranking, got 'rank'.", () -> TrainAndEvaluate.Settings.parseTask("rank"),
                "training fractions must be numbers like 0.25,0.5,1.0, got 'half'.",
                () -> TrainAndEvaluate.Settings.parseFractions("half"));
        cases.forEach((message, settings) ->
                assertThatThrownBy(settings::run).isInstanceOf(InvalidSettingException.class).hasMessage(message));
    }

    @Test
    void rankingCandidatesComeFromThePoolWhenThereIsOneElseTheOfflineReasonerOrTheNearestStoredSampleForAnLlm() {
        TrainAndEvaluate.Ranking auto = TrainAndEvaluate.Settings.defaults().ranking();
        assertThat(auto).isEqualTo(new TrainAndEvaluate.Ranking(null, false));
        assertThat(auto.candidateExplanationsFor("offline", false)).isEqualTo("generate");
        assertThat(auto.candidateExplanationsFor("ollama", false)).isEqualTo("nearest");
        assertThat(auto.candidateExplanationsFor("offline", true)).isEqualTo("pool");
        assertThat(auto.candidateExplanationsFor("ollama", true)).isEqualTo("pool");
        assertThat(new TrainAndEvaluate.Ranking("generate", true).candidateExplanationsFor("ollama", true)).isEqualTo("generate");
        assertThat(new TrainAndEvaluate.Ranking("nearest", false).candidateExplanationsFor("offline", true)).isEqualTo("nearest");
        assertThat(new TrainAndEvaluate.Ranking("pool", false).candidateExplanationsFor("offline", false)).isEqualTo("pool");
        assertThat(TrainAndEvaluate.Settings.parseTask("Ranking")).isEqualTo(PredictionTask.RANKING);
        assertThatThrownBy(() -> new TrainAndEvaluate.Ranking("closest", false)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("candidate explanations must be generate, nearest or pool, got 'closest'.");
    }

    @Test
    void badRegularisationNamesTheSetting() {
        TrainAndEvaluate.Settings d = TrainAndEvaluate.Settings.defaults();
        Map<String, Runnable> cases = Map.of(
                "weight decay must be in [0, 1.0], got -0.001.", () -> d.withRegularisation(-0.001, 0),
                "weight decay must be in [0, 1.0], got 2.0.", () -> d.withRegularisation(2, 0),
                "weight decay must be in [0, 1.0], got NaN.", () -> d.withRegularisation(Double.NaN, 0),
                "dropout must be in [0, 0.9], got 0.95.", () -> d.withRegularisation(0, 0.95),
                "dropout must be in [0, 0.9], got -0.1.", () -> d.withRegularisation(0, -0.1),
                "weight decay must be a number like 0.0001, got 'heavy'.",
                () -> TrainAndEvaluate.Settings.parseNumber("weight decay", "0.0001", "heavy"));
        cases.forEach((message, settings) ->
                assertThatThrownBy(settings::run).isInstanceOf(InvalidSettingException.class).hasMessage(message));
        TrainAndEvaluate.Settings chosen = d.withRegularisation(1e-4, 0.1);
        assertThat(chosen.weightDecay()).isEqualTo(1e-4);
        assertThat(chosen.dropout()).isEqualTo(0.1);
        assertThat(d.weightDecay()).isEqualTo(TrainAndEvaluate.Settings.DEFAULT_WEIGHT_DECAY);
        assertThat(d.dropout()).isEqualTo(TrainAndEvaluate.Settings.DEFAULT_DROPOUT);
    }

    @Test
    void badEarlyStoppingSettingsNameTheSetting() {
        Map<String, Runnable> cases = Map.of(
                "validation fraction must be in [0, 0.5], got 0.6.",
                () -> stopping(1, 1, 0.6, 3, null, 8, 0.01, List.of(1.0)),
                "validation fraction must be in [0, 0.5], got -0.1.",
                () -> stopping(1, 1, -0.1, 3, null, 8, 0.01, List.of(1.0)),
                "patience must be 0 (no early stopping) or more, got -1.",
                () -> stopping(1, 1, 0.1, -1, null, 8, 0.01, List.of(1.0)));
        cases.forEach((message, settings) ->
                assertThatThrownBy(settings::run).isInstanceOf(InvalidSettingException.class).hasMessage(message));
        assertThat(stopping(1, 1, 0.5, 0, null, 8, 0.01, List.of(1.0)).validationFraction()).isEqualTo(0.5);
        assertThat(stopping(1, 1, 0, 0, null, 8, 0.01, List.of(1.0)).patience()).isZero();
    }

    @Test
    void unknownModelsAndAMissingResumeAreRefusedAndNothingIsStored() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            Map<String, String> before = DatabaseSnapshot.of(p.database());
            assertThatThrownBy(() -> TrainAndEvaluate.job(p, TrainAndEvaluate.Settings.defaults().withModels(List.of("gpt"))))
                    .isInstanceOf(WorkbenchException.class).hasMessageStartingWith("Unknown model 'gpt': choose from lr-recsys, ");
            TrainAndEvaluate.Settings resume = new TrainAndEvaluate.Settings(PredictionTask.REGRESSION, List.of("mf"), 1, 1,
                    0.1, 3, null, 8, 0.01, 42, List.of(1.0), "offline", null, true);
            assertThatThrownBy(() -> TrainAndEvaluate.job(p, resume).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class).hasMessage("There is no unfinished experiment to resume.");
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }

    @Test
    void trainsTheAutoencoderFirstWhenItsCodesAreMissingThenTheModels() throws Exception {
        try (Project p = SampleCopy.openWithExplanations(tmp)) {
            TrainAndEvaluate.Settings settings = new TrainAndEvaluate.Settings(PredictionTask.REGRESSION,
                    List.of("lr-recsys", "mf"), 1, 1, 0.1, 3, 2, 128, 0.01, 42, List.of(1.0), "offline", null, false);
            ExperimentOutcome outcome = TrainAndEvaluate.job(p, settings).run(TaskContext.silent());

            var autoencoder = p.database().read(tx -> new ExplanationCodeRepository()
                    .latestFinished(tx, "offline", "offline reasoner (no LLM)", "contrastive")).orElseThrow();
            assertThat(autoencoder.epochs()).isEqualTo(2);
            assertThat(outcome.tables()).hasSize(1);
            assertThat(outcome.tables().get(0).markdown()).contains("| lr-recsys | ours | 1 |", "| mf | baseline | 1 |");
        }
    }
}
