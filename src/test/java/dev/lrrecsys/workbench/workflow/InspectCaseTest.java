package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.insight.WordSalience.WordWeight;
import dev.lrrecsys.workbench.model.ExplanationVocabulary;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.CaseRepository;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.workflow.InspectCase.CaseReport;
import dev.lrrecsys.workbench.workflow.InspectCase.Settings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The case workbench's workflow on a project trained for real: re-prediction, edits, salience, what-if cases, bad input.
 * Slow: the shared trained project takes about a minute to build on a loaded machine.
 */
@Tag("slow")
class InspectCaseTest {

    @TempDir
    Path tmp;

    private static CaseReport inspect(Project p, Settings s) {
        return new InspectCase(p).inspect(s, TaskContext.silent());
    }

    @Test
    void theStoredCasePredictsWhatTheExperimentStoredAndAnUnchangedEditPredictsTheSame() {
        try (Project p = Project.open(TrainedCaseProject.copyTo(tmp))) {
            CaseReport r = inspect(p, Settings.defaults());
            long firstTest = p.database().read(tx -> new CaseRepository().firstTestSample(tx));
            assertThat(r.sampleId()).isEqualTo(firstTest);
            assertThat(r.run().model()).isEqualTo("lr-recsys");
            assertThat(r.storedPrediction()).isNotNull();
            assertThat(r.original().prediction().value()).isCloseTo(r.storedPrediction(), within(1e-4));
            assertThat(r.original().prediction().attention()).hasSize(36);
            assertThat(r.models()).extracting(m -> m.model()).containsExactlyInAnyOrder("lr-recsys", "mf", "shuffled");
            assertThat(r.counterfactual()).isNull();

            CaseReport same = inspect(p, new Settings(null, null, r.original().positive(), null, r.original().history(),
                    r.original().candidate(), false));
            assertThat(same.counterfactual().prediction().value()).isCloseTo(r.original().prediction().value(), within(1e-6));
        }
    }

    @Test
    void aShuffledRunIsFedTheExplanationsItWasTestedWithAndPredictsWhatItStored() {
        try (Project p = Project.open(TrainedCaseProject.copyTo(tmp))) {
            long shuffled = p.database().read(tx -> new CaseRepository().doneRuns(tx)).stream()
                    .filter(r -> r.model().equals("shuffled")).findFirst().orElseThrow().id();
            List<Long> tests = p.database().read(tx -> new dev.lrrecsys.workbench.store.ExperimentSampleReader().all(tx)).stream()
                    .filter(s -> s.test()).map(s -> s.id()).toList();
            InspectCase inspect = new InspectCase(p);
            int moved = 0;
            double ownCodesError = 0;
            for (long sample : tests) {
                CaseReport r = inspect.inspect(new Settings(sample, shuffled, null, null, null, null, false), TaskContext.silent());
                assertThat(r.original().prediction().value()).as("sample %d", sample).isCloseTo(r.storedPrediction(), within(1e-4));
                String[] fed = p.database().read(tx -> new CaseRepository().explanationPair(tx, r.explanationSampleId(), "offline",
                        r.run().generatorModel(), r.run().variant()));
                assertThat(r.original().positive()).isEqualTo(fed[0]);
                assertThat(r.original().negative()).isEqualTo(fed[1]);
                if (r.explanationSampleId() != sample) {
                    moved++;
                    assertThat(r.feeding()).isEqualTo("shuffled control: run " + shuffled + " was trained and tested with sample "
                            + r.explanationSampleId() + "'s explanations in this sample's place (its seeded permutation, seed "
                            + r.run().seed() + "); those are fed, shown and edited here.");
                    // What the case view fed before: the sample's own pair, which the run never read in this place.
                    String[] own = p.database().read(tx -> new CaseRepository().explanationPair(tx, sample, "offline",
                            r.run().generatorModel(), r.run().variant()));
                    CaseReport ownCodes = inspect.inspect(new Settings(sample, shuffled, own[0], own[1], null, null, false),
                            TaskContext.silent());
                    ownCodesError = Math.max(ownCodesError, Math.abs(ownCodes.counterfactual().prediction().value() - r.storedPrediction()));
                }
            }
            assertThat(moved).isGreaterThan(tests.size() / 2);
            assertThat(ownCodesError).as("the sample's own codes do not reproduce the shuffled run's predictions").isGreaterThan(1e-4);
            CaseReport lr = inspect.inspect(Settings.defaults(), TaskContext.silent());
            assertThat(lr.feeding()).isNull();
            assertThat(lr.explanationSampleId()).isEqualTo(lr.sampleId());
        }
    }

    @Test
    void theCaseShowsTheStoredAlignmentScoresOfItsPairOnceScored() throws Exception {
        try (Project p = Project.open(TrainedCaseProject.copyTo(tmp))) {
            CaseReport before = inspect(p, Settings.defaults());
            assertThat(before.alignment().scored()).isFalse();
            assertThat(before.alignment().note()).isEqualTo("not scored yet: run lrw scores");
            ScoreExplanations.job(p, ScoreExplanations.Settings.defaults()).run(TaskContext.silent());
            CaseReport after = inspect(p, Settings.defaults());
            var stored = p.database().read(tx -> new dev.lrrecsys.workbench.store.AlignmentRepository()
                    .score(tx, "offline", after.run().generatorModel(), "contrastive", after.sampleId())).orElseThrow();
            assertThat(after.alignment().lc()).isEqualTo(stored.lc());
            assertThat(after.alignment().ic()).isEqualTo(stored.ic());
            assertThat(after.alignment().lcText()).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", stored.lc()));
            assertThat(after.alignment().note()).isNull();
            assertThat(after.alignment().editedLc()).isNull();

            // An edited text is scored by the same stored probe; the stored texts score what lrw scores stored.
            String edit = "The consumer visited this restaurant because they like feature 3.";
            CaseReport edited = inspect(p, Settings.defaults().withEdits(edit, null, null, null));
            var probe = p.database().read(tx -> new dev.lrrecsys.workbench.store.AlignmentRepository()
                    .probe(tx, "offline", after.run().generatorModel(), "contrastive")).orElseThrow();
            dev.lrrecsys.workbench.explain.AlignmentProbe fitted = dev.lrrecsys.workbench.explain.AlignmentProbe.parse(probe.weights());
            var expected = dev.lrrecsys.workbench.explain.AlignmentScore.of(fitted.predict(edit, after.original().negative()),
                    stored.idPrediction(), probe.trainMean(), after.truth());
            assertThat(edited.alignment().lc()).isEqualTo(stored.lc());
            assertThat((double) edited.alignment().editedLc()).isCloseTo(expected.lc(), within(1e-6));
            assertThat((double) edited.alignment().editedIc()).isCloseTo(expected.ic(), within(1e-6));
            assertThat((double) fitted.predict(after.original().positive(), after.original().negative()))
                    .isCloseTo(stored.probePrediction(), within(1e-6));
            CaseReport otherCandidate = inspect(p, Settings.defaults().withEdits(edit, null, null, "p2"));
            assertThat(otherCandidate.alignment().editedLc()).as("the rating and ID-only prediction are the stored candidate's").isNull();
        }
    }

    @Test
    void anEditedExplanationMovesThePredictionAndSalienceCoversEveryWord() {
        try (Project p = Project.open(TrainedCaseProject.copyTo(tmp))) {
            CaseReport r = inspect(p, Settings.defaults());
            List<String> words = ExplanationVocabulary.tokenize(r.original().positive());
            assertThat(r.positiveSalience()).extracting(WordWeight::word).containsExactlyElementsOf(words);
            assertThat(r.negativeSalience()).isNotEmpty();
            CaseReport edited = inspect(p, new Settings(r.sampleId(), r.run().id(),
                    "The consumer visited this restaurant because they like feature 0 and feature 1 and feature 2 and feature 3.",
                    "The consumer did not visit this restaurant because they dislike nothing in particular.", null, null, true));
            assertThat(edited.counterfactual()).isNotNull();
            assertThat(edited.counterfactual().prediction().value()).isNotEqualTo(edited.original().prediction().value());
            assertThat(edited.original().prediction().value()).isEqualTo(r.original().prediction().value());
            assertThat(edited.positiveSalience()).hasSize(19);
        }
    }

    @Test
    void aWhatIfCaseIsSavedApartFromTheDataAndExported() throws Exception {
        try (Project p = Project.open(TrainedCaseProject.copyTo(tmp))) {
            InspectCase inspect = new InspectCase(p);
            CaseReport r = inspect.inspect(Settings.defaults().withEdits("they like feature 1", null, null, null), TaskContext.silent());
            Map<String, String> before = DatabaseSnapshot.of(p.database());
            inspect.saveWhatIf("feature one only", r).run(TaskContext.silent());
            Map<String, String> after = DatabaseSnapshot.of(p.database());
            assertThat(after.get("WHAT_IF_CASE")).isEqualTo("1");
            after.remove("WHAT_IF_CASE");
            before.remove("WHAT_IF_CASE");
            assertThat(after).isEqualTo(before);
            assertThatThrownBy(() -> inspect.saveWhatIf("feature one only", r).run(TaskContext.silent()))
                    .hasMessage("A what-if case named 'feature one only' already exists.");
            assertThat(inspect.whatIfCases()).singleElement().satisfies(c -> {
                assertThat(c.positive()).isEqualTo("they like feature 1");
                assertThat(c.counterfactual()).isEqualTo(r.counterfactual().prediction().value());
            });
            Path file = inspect.exportWhatIf(inspect.defaultExportFile()).run(TaskContext.silent());
            assertThat(Files.readAllLines(file)).hasSize(2).first().asString().startsWith("name,created_at,sample,run");
        }
    }

    @Test
    void badInputIsRefusedWithOneClearLineAndNothingChanges() throws Exception {
        try (Project p = Project.open(TrainedCaseProject.copyTo(tmp))) {
            Map<String, String> before = DatabaseSnapshot.of(p.database());
            long sample = inspect(p, Settings.defaults()).sampleId();
            assertThatThrownBy(() -> inspect(p, Settings.defaults().withEdits("zzz qqq xyzzy", null, null, null)))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("The edited positive explanation cannot be encoded: all words unknown to the autoencoder.");
            assertThatThrownBy(() -> inspect(p, Settings.defaults().withEdits(null, "", null, null)))
                    .hasMessage("The edited negative explanation cannot be encoded: all words unknown to the autoencoder.");
            assertThatThrownBy(() -> inspect(p, Settings.defaults().withEdits(null, null, List.of("p1", "nowhere"), null)))
                    .hasMessage("History product 'nowhere' does not exist in this project.");
            assertThatThrownBy(() -> inspect(p, Settings.defaults().withEdits(null, null, null, "nowhere")))
                    .hasMessage("Candidate product 'nowhere' does not exist in this project.");
            assertThatThrownBy(() -> inspect(p, Settings.defaults().withCase(999_999L, null)))
                    .hasMessage("There is no sample 999999 in this project.");
            assertThatThrownBy(() -> new Settings(null, null, null, null, List.of("1", "2", "3", "4", "5", "6"), null, true))
                    .hasMessage("history holds at most 5 products, got 6.");
            long run = p.database().read(tx -> new CaseRepository().defaultRun(tx));
            String relative = p.database().read(tx -> new CaseRepository().run(tx, run)).checkpoint();
            Path checkpoint = p.dir().resolve(relative).toAbsolutePath().normalize();
            Files.move(checkpoint, checkpoint.resolveSibling("moved-away"));
            assertThatThrownBy(() -> inspect(p, Settings.defaults().withCase(sample, run)))
                    .hasMessage("The checkpoint of run " + run + " is missing: " + checkpoint + ".");
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }
}
