package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.model.PairFeatures;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.model.TrainingEngine;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExperimentFixture;
import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.ProjectInfoRepository;
import dev.lrrecsys.workbench.store.RunRecord;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@org.junit.jupiter.api.Tag("slow")
class ExperimentJobTest {

    private static ModelCatalog catalog() {
        return ModelCatalog.standard();
    }

    private static ExperimentSettings settings(List<String> models, int repeats, int epochs, int batch, List<Double> fractions) {
        return settings(models, repeats, epochs, 0.1, 3, batch, fractions);
    }

    private static ExperimentSettings settings(List<String> models, int repeats, int epochs, double validationFraction,
                                               int patience, int batch, List<Double> fractions) {
        return new ExperimentSettings(PredictionTask.REGRESSION, models, repeats, epochs, validationFraction, patience,
                batch, 0.01, 5, fractions, ExperimentFixture.GENERATOR, ExperimentFixture.MODEL);
    }

    private static ExperimentJob job(Project p, ExperimentFixture f, ExperimentSettings s, Long resume) {
        return new ExperimentJob(p.database(), p.modelsDir(), p.exportsDir(), s, catalog(), (g, m, v, c) -> new PairFeatures(f.codes, 8), resume);
    }

    @Test
    void trainsEveryModelRepeatAndFractionStoresTheResultsAndExportsTheTable(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 30, 25, 12, 1, 10, Double.NaN);
            ExperimentOutcome o = job(p, f, settings(List.of("lr-recsys", "mf", "sasrec"), 2, 2, 32, List.of(0.5, 1.0)), null)
                    .run(TaskContext.silent());

            List<RunRecord> runs = p.database().read(tx -> new ExperimentRepository().runs(tx, o.experimentId()));
            assertThat(runs).hasSize(12).allMatch(r -> r.status().equals("done") && r.rmse() != null && r.auc() == null);
            assertThat(runs).extracting(RunRecord::seed).containsOnly(5L, 6L);
            // every tenth sample lacks explanations and is left out for every model
            assertThat(o.excludedSamples()).isEqualTo(f.samples / 10);
            assertThat(o.trainSamples() + o.testSamples()).isEqualTo(f.samples - f.samples / 10);
            assertThat(ExperimentFixture.count(p.database(), "prediction")).isEqualTo(12L * o.testSamples());
            assertThat(ExperimentFixture.count(p.database(), "training_curve")).isEqualTo(24);
            assertThat(ExperimentFixture.count(p.database(), "sample_uncertainty")).isEqualTo(2L * o.testSamples());
            // only the attention network stores its 6x6 weights: 2 repeats x 2 fractions of lr-recsys
            assertThat(ExperimentFixture.count(p.database(), "attention")).isEqualTo(4L * o.testSamples());
            assertThat(o.uncertainty()).containsKeys(0.5, 1.0);
            assertThat(o.uncertainty().get(1.0).n()).isEqualTo(o.testSamples());
            for (RunRecord r : runs) {
                assertThat(p.dir().resolve(r.checkpoint())).isRegularFile();
            }
            // the half-data runs saw fewer samples than the full ones, so their tables differ
            assertThat(o.tables()).hasSize(2);
            assertThat(o.tables().get(0).values("mf", o.tables().get(0).primary()))
                    .isNotEqualTo(o.tables().get(1).values("mf", o.tables().get(1).primary()));

            List<String> csv = Files.readAllLines(o.csv());
            assertThat(csv.get(0)).isEqualTo(ResultTable.csvHeader());
            assertThat(csv).hasSize(1 + 2 * 3);
            assertThat(csv.get(1)).startsWith("0.5,lr-recsys,ours,2,");
            String md = Files.readString(o.markdown());
            assertThat(md).contains("| model | role | runs | epochs | RMSE | MAE | RMSE (orig. scale) | MAE (orig. scale) |")
                    .contains("LR-Recsys vs best baseline").contains("Uncertainty vs gain: slope")
                    .containsPattern("95% bootstrap interval of the gain over (mf|sasrec) \\(resampling consumers, 1000 "
                            + "resamples\\): \\[[+-]\\d+\\.\\d\\d%, [+-]\\d+\\.\\d\\d%\\]");
            ConsumerBootstrap.Interval interval = o.tables().get(1).gainInterval().orElseThrow();
            assertThat(interval.resamples()).isEqualTo(1000);
            assertThat(interval.low()).isLessThanOrEqualTo(interval.high());
            String[] ours = csv.stream().filter(l -> l.startsWith("1.0,lr-recsys,")).findFirst().orElseThrow().split(",", -1);
            assertThat(Double.parseDouble(ours[ours.length - 2])).isCloseTo(interval.low(), org.assertj.core.data.Offset.offset(1e-2));
            assertThat(Double.parseDouble(ours[ours.length - 1])).isCloseTo(interval.high(), org.assertj.core.data.Offset.offset(1e-2));

            ExperimentRecord e = p.database().read(tx -> new ExperimentRepository().experiment(tx, o.experimentId())).orElseThrow();
            assertThat(e.status()).isEqualTo("done");
            assertThat(e.validationFraction()).isEqualTo(0.1);
            assertThat(e.patience()).isEqualTo(3);
            assertThat(runs).allMatch(r -> r.epochs() >= 1 && r.epochs() <= 2);
            // The engine of this process: the CPU kernel by default, the graph under -Dlrw.engine=samediff.
            String backend = "CpuBackend, " + TrainingEngine.current().label();
            assertThat(e.backend()).isEqualTo(backend);
            assertThat(e.device()).isNotBlank();
            Map<String, String> info = p.database().read(tx -> new ProjectInfoRepository().summary(tx));
            assertThat(info).containsEntry("runs", "12").containsEntry("last run backend", backend);
            assertThat(info.get("last run")).isEqualTo(runs.get(11).id() + " (sasrec, experiment " + o.experimentId() + ")");
        }
    }

    @Test
    void theSameSeedGivesTheSameMetrics(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 20, 15, 10, 2, 0, Double.NaN);
            ExperimentSettings s = settings(List.of("ncf", "sasrec"), 1, 2, 32, List.of(1.0));
            ExperimentOutcome first = job(p, f, s, null).run(TaskContext.silent());
            ExperimentOutcome second = job(p, f, s, null).run(TaskContext.silent());
            for (String model : List.of("ncf", "sasrec")) {
                ResultTable.Metric rmse = first.tables().get(0).primary();
                assertThat(second.tables().get(0).values(model, rmse)).containsExactly(first.tables().get(0).values(model, rmse));
            }
        }
    }

    @Test
    void theEpochMetricComesFromTheValidationPartOnlyAndPatienceZeroTrainsEveryEpoch(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 20, 15, 12, 8, 0, Double.NaN);
            ExperimentRepository repo = new ExperimentRepository();
            // No validation part: no per-epoch metric at all (before issue 10 the test split filled it in).
            ExperimentOutcome none = job(p, f, settings(List.of("mf"), 1, 3, 0.0, 0, 32, List.of(1.0)), null)
                    .run(TaskContext.silent());
            RunRecord all = p.database().read(tx -> repo.runs(tx, none.experimentId())).get(0);
            assertThat(all.epochs()).isEqualTo(3);
            List<double[]> curve = p.database().read(tx -> repo.curve(tx, all.id()));
            assertThat(curve).hasSize(3).allMatch(point -> Double.isNaN(point[2]));

            ExperimentOutcome held = job(p, f, settings(List.of("mf"), 1, 3, 0.1, 3, 32, List.of(1.0)), null)
                    .run(TaskContext.silent());
            RunRecord run = p.database().read(tx -> repo.runs(tx, held.experimentId())).get(0);
            List<double[]> measured = p.database().read(tx -> repo.curve(tx, run.id()));
            assertThat(measured).hasSize(3).allMatch(point -> Double.isFinite(point[2]));
        }
    }

    @Test
    void anExperimentStoresItsWeightDecayAndDropoutAndTrainsWithThem(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 20, 15, 12, 7, 0, Double.NaN);
            ExperimentSettings plain = settings(List.of("lr-recsys", "mf"), 1, 2, 32, List.of(1.0));
            ExperimentSettings regularised = new ExperimentSettings(plain.task(), plain.models(), 1, 2, 0.1, 3, 32,
                    0.01, 5, List.of(1.0), ExperimentFixture.GENERATOR, ExperimentFixture.MODEL, 1e-3, 0.2);
            ExperimentOutcome a = job(p, f, plain, null).run(TaskContext.silent());
            ExperimentOutcome b = job(p, f, regularised, null).run(TaskContext.silent());

            ExperimentRepository repo = new ExperimentRepository();
            ExperimentRecord stored = p.database().read(tx -> repo.experiment(tx, b.experimentId())).orElseThrow();
            assertThat(stored.weightDecay()).isEqualTo(1e-3);
            assertThat(stored.dropout()).isEqualTo(0.2);
            ExperimentRecord none = p.database().read(tx -> repo.experiment(tx, a.experimentId())).orElseThrow();
            assertThat(none.weightDecay()).isZero();
            assertThat(none.dropout()).isZero();
            assertThat(java.nio.file.Files.readString(b.markdown())).contains("weight decay 0.001, dropout 0.2");
            for (String model : List.of("lr-recsys", "mf")) {
                ResultTable.Metric rmse = a.tables().get(0).primary();
                assertThat(b.tables().get(0).values(model, rmse)).as(model)
                        .isNotEqualTo(a.tables().get(0).values(model, rmse));
            }
        }
    }

    @Test
    void badRegularisationIsAClearErrorBeforeAnythingRuns() {
        ExperimentSettings s = settings(List.of("mf"), 1, 1, 32, List.of(1.0));
        assertThatThrownBy(() -> new ExperimentSettings(s.task(), s.models(), 1, 1, 0.1, 3, 32, 0.01, 5, List.of(1.0),
                ExperimentFixture.GENERATOR, ExperimentFixture.MODEL, -1e-4, 0))
                .isInstanceOf(WorkbenchException.class).hasMessage("weight decay must be in [0, 1.0], got -1.0E-4.");
        assertThatThrownBy(() -> new ExperimentSettings(s.task(), s.models(), 1, 1, 0.1, 3, 32, 0.01, 5, List.of(1.0),
                ExperimentFixture.GENERATOR, ExperimentFixture.MODEL, 0, 1.0))
                .isInstanceOf(WorkbenchException.class).hasMessage("dropout must be in [0, 0.9], got 1.0.");
    }

    @Test
    void theShuffledControlIsLrRecsysOnPermutedCodesAndTheTableComparesThem(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 20, 15, 12, 7, 0, Double.NaN);
            ExperimentOutcome o = job(p, f, settings(List.of("lr-recsys", "shuffled", "mf"), 1, 1, 32, List.of(1.0)), null)
                    .run(TaskContext.silent());

            ExperimentRepository repo = new ExperimentRepository();
            List<RunRecord> runs = p.database().read(tx -> repo.runs(tx, o.experimentId()));
            RunRecord ours = runs.stream().filter(r -> r.model().equals("lr-recsys")).findFirst().orElseThrow();
            RunRecord control = runs.stream().filter(r -> r.model().equals("shuffled")).findFirst().orElseThrow();
            assertThat(control.seed()).isEqualTo(ours.seed());
            // Same network, seed and batches: only the codes' permutation can make the predictions differ.
            float[] a = p.database().read(tx -> repo.predictions(tx, ours.id())).values();
            float[] b = p.database().read(tx -> repo.predictions(tx, control.id())).values();
            assertThat(b).hasSameSizeAs(a).isNotEqualTo(a);
            assertThat(o.tables().get(0).markdown()).contains("| shuffled | control | 1 |")
                    .contains("LR-Recsys vs shuffled explanations on RMSE: ");
            assertThat(o.tables().get(0).bestBaseline()).contains("mf");
        }
    }

    @Test
    void aCancelledExperimentResumesKeepingItsFinishedRuns(@TempDir Path dir) throws Exception {
        try (Project p = Project.create(dir.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 20, 15, 10, 3, 0, Double.NaN);
            ExperimentSettings s = settings(List.of("mf", "sasrec"), 2, 1, 32, List.of(1.0));
            int[] epochs = {0};
            TaskContext cancelAfterTwoRuns = new TaskContext() {
                @Override public void progress(long done, long total, String message) {
                    epochs[0] = (int) done;
                }
                @Override public void message(String message) { }
                @Override public boolean isCancelled() {
                    return epochs[0] >= 2;
                }
            };
            assertThatThrownBy(() -> job(p, f, s, null).run(cancelAfterTwoRuns)).isInstanceOf(CancelledException.class);
            ExperimentRepository repo = new ExperimentRepository();
            ExperimentRecord cancelled = p.database().read(repo::lastExperiment).orElseThrow();
            assertThat(cancelled.status()).isEqualTo("cancelled");
            List<RunRecord> before = p.database().read(tx -> repo.runs(tx, cancelled.id()));
            List<Long> finished = before.stream().filter(r -> r.status().equals("done")).map(RunRecord::id).toList();
            assertThat(finished).hasSize(2);

            ExperimentOutcome resumed = job(p, f, s, cancelled.id()).run(TaskContext.silent());
            List<RunRecord> after = p.database().read(tx -> repo.runs(tx, cancelled.id()));
            assertThat(resumed.experimentId()).isEqualTo(cancelled.id());
            assertThat(after).hasSize(4).allMatch(r -> r.status().equals("done"));
            assertThat(after).extracting(RunRecord::id).containsAll(finished);
        }
    }

    @Test
    void noExplanationsIsAClearErrorAndWritesNothing(@TempDir Path dir) {
        try (Project p = Project.create(dir.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 10, 10, 8, 4, 1, Double.NaN);
            assertThat(ExperimentFixture.count(p.database(), "explanation")).isZero();
            assertThatThrownBy(() -> job(p, f, settings(List.of("ncf"), 1, 1, 16, List.of(1.0)), null).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("No explanations from generator 'offline' (model 'offline reasoner (no LLM)') in this "
                            + "project: generate explanations with it first, or choose models without explanations (mf, sasrec).");
            assertThat(ExperimentFixture.count(p.database(), "experiment")).isZero();
            assertThat(ExperimentFixture.count(p.database(), "run")).isZero();
        }
    }

    @Test
    void aSingleRatingValueIsAClearErrorAndWritesNothing(@TempDir Path dir) {
        try (Project p = Project.create(dir.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 10, 10, 8, 5, 0, 4.0);
            assertThatThrownBy(() -> job(p, f, settings(List.of("mf"), 1, 1, 16, List.of(1.0)), null).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("All " + f.samples + " samples have the same rating (4): there is nothing to learn; "
                            + "the data needs more than one rating value.");
            assertThat(ExperimentFixture.count(p.database(), "experiment")).isZero();
        }
    }

    @Test
    void fewerTrainingSamplesThanABatchIsAClearErrorAndWritesNothing(@TempDir Path dir) {
        try (Project p = Project.create(dir.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 5, 10, 6, 6, 0, Double.NaN);
            assertThatThrownBy(() -> job(p, f, settings(List.of("mf"), 1, 1, 0.1, 0, 128, List.of(1.0)), null)
                    .run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("Only 20 training samples, fewer than one batch of 128: lower the batch size or use more data.");
            assertThat(ExperimentFixture.count(p.database(), "experiment")).isZero();
        }
    }

    @Test
    void aValidationSplitEmptyForEveryConsumerIsAClearErrorAndWritesNothing(@TempDir Path dir) {
        try (Project p = Project.create(dir.resolve("p"))) {
            // 4 training samples per consumer: round(4 x 0.1) = 0, so no consumer gives one to validation
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 5, 10, 6, 6, 0, Double.NaN);
            assertThatThrownBy(() -> job(p, f, settings(List.of("mf"), 1, 1, 0.1, 3, 8, List.of(1.0)), null)
                    .run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("The validation split is empty: no consumer has enough training samples for validation "
                            + "fraction 0.1 (a consumer gives round(n x 0.1) of its n training samples, at most n - 1); "
                            + "raise the validation fraction, or set patience 0 to train every epoch without early "
                            + "stopping.");
            assertThat(ExperimentFixture.count(p.database(), "experiment")).isZero();
            assertThat(ExperimentFixture.count(p.database(), "run")).isZero();
        }
    }

    @Test
    void anUnknownModelIsAClearError() {
        assertThatThrownBy(() -> catalog().get("bert4rec")).isInstanceOf(WorkbenchException.class)
                .hasMessage("Unknown model 'bert4rec': choose from lr-recsys, shuffled, id-only, positive-only, minilm, ncf, mf, sasrec.");
    }
}
