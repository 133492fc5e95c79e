package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.ModelCatalog.Entry;
import dev.lrrecsys.workbench.evaluate.ModelCatalog.Features;
import dev.lrrecsys.workbench.model.AttentionModel;
import dev.lrrecsys.workbench.model.ExplanationFeatures;
import dev.lrrecsys.workbench.model.PairFeatures;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.model.RatingModel;
import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.model.TrainingSettings;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.ExperimentRecord;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.ExperimentSampleReader;
import dev.lrrecsys.workbench.store.RankingCandidateRepository;
import dev.lrrecsys.workbench.store.RunRecord;
import dev.lrrecsys.workbench.store.SentenceEmbeddingRepository;
import dev.lrrecsys.workbench.store.StoredSample;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.JobPhases;
import dev.lrrecsys.workbench.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trains every chosen model {@code repeats} times (seed + k) on every training fraction, evaluates each on
 * the same test samples, and stores runs, curves, predictions, attention and uncertainty vs gain; then
 * writes the Table-2-style result to exports/ as CSV and Markdown. Resumable: given the id of an unfinished
 * experiment it keeps the finished runs and trains the rest.
 */
public final class ExperimentJob implements Job<ExperimentOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentJob.class);
    /** Resamples of the bootstrap interval of LR-Recsys' gain. */
    static final int BOOTSTRAP_RESAMPLES = 1000;

    private final Database database;
    private final Path modelsDir;
    private final Path exportsDir;
    private final ExperimentSettings settings;
    private final ModelCatalog catalog;
    private final ExplanationCodes codes;
    private final Long resumeExperimentId;
    /** Builds the ranking task's candidates; null where the front end offers no ranking. */
    private final RankingCandidates ranking;
    private final ExperimentRepository repository = new ExperimentRepository();

    /**
     * @param modelsDir          where run checkpoints go (a project's models folder)
     * @param exportsDir         where the result tables go (a project's exports folder)
     * @param resumeExperimentId an unfinished experiment to complete with the same settings, or null
     */
    public ExperimentJob(Database database, Path modelsDir, Path exportsDir, ExperimentSettings settings,
                         ModelCatalog catalog, ExplanationCodes codes, Long resumeExperimentId) {
        this(database, modelsDir, exportsDir, settings, catalog, codes, resumeExperimentId, null);
    }

    /** @param ranking builds the candidates of task ranking (see {@link RankingCandidates}) */
    public ExperimentJob(Database database, Path modelsDir, Path exportsDir, ExperimentSettings settings,
                         ModelCatalog catalog, ExplanationCodes codes, Long resumeExperimentId, RankingCandidates ranking) {
        this.ranking = ranking;
        this.database = database;
        this.modelsDir = modelsDir;
        this.exportsDir = exportsDir;
        this.settings = settings;
        this.catalog = catalog;
        this.codes = codes;
        this.resumeExperimentId = resumeExperimentId;
    }

    @Override
    public String title() {
        return "Experiment (" + settings.task().name().toLowerCase(Locale.ROOT) + ")";
    }

    @Override
    public ExperimentOutcome run(TaskContext context) throws Exception {
        List<Entry> entries = settings.models().stream().map(catalog::get).toList();
        DatasetInfo dataset = database.read(tx -> new DatasetRepository().find(tx)).orElseThrow(
                () -> new WorkbenchException("This project has no dataset: import one first with `lrw import`."));
        List<StoredSample> rows = database.read(tx -> new ExperimentSampleReader().all(tx));
        if (rows.isEmpty()) {
            throw new WorkbenchException("This project has no samples: import a dataset first "
                    + "(samples are derived from its interactions).");
        }
        boolean ranks = settings.task() == PredictionTask.RANKING;
        PredictionTask trainingTask = settings.task().trainingTask();
        boolean needsCodes = entries.stream().anyMatch(e -> e.features().readsCodes());
        boolean needsSentences = entries.stream().anyMatch(e -> e.features() == Features.SENTENCE_EMBEDDINGS);
        if (ranks) {
            RankingCandidates.checkModels(entries, ranking);
            if (!ExperimentSettings.CONTRASTIVE.equals(settings.variant())) {
                // The candidates' pairs are written (or reused) as contrastive pairs: codes of another variant
                // would compare the stored samples' variant with the candidates' contrastive text.
                throw new WorkbenchException("--task ranking reads contrastive explanations only (its candidates' "
                        + "pairs are contrastive), not " + settings.variant() + ".");
            }
        }
        if (needsCodes || needsSentences) {
            long usable = database.read(tx -> new SentenceEmbeddingRepository()
                    .countUsable(tx, settings.generator(), settings.generatorModel(), settings.variant()));
            if (usable == 0) {
                throw new WorkbenchException(ExperimentSettings.CONTRASTIVE.equals(settings.variant())
                        ? "No explanations from generator '" + settings.generator() + "' (model '"
                        + settings.generatorModel() + "') in this project: generate "
                        + "explanations with it first, or choose models without explanations (mf, sasrec)."
                        : "No " + settings.variant() + " explanations from generator '" + settings.generator()
                        + "' (model '" + settings.generatorModel() + "') in this project: generate them first with "
                        + "`lrw generate --project DIR --variant " + settings.variant() + "`, or choose models without "
                        + "explanations (mf, sasrec).");
            }
        }
        JobPhases phases = plan(context, rows.size(), entries.size(),
                needsCodes ? codes.epochsToTrain(settings.generator(), settings.generatorModel(), settings.variant()) : 0, needsSentences);
        ExplanationFeatures codeFeatures = needsCodes
                ? codes.ensure(settings.generator(), settings.generatorModel(), settings.variant(),
                phases.enter(AUTOENCODER_PHASE)) : null;
        ExplanationFeatures sentenceFeatures = needsSentences ? sentenceEmbeddings(phases.enter(SENTENCE_PHASE)) : null;
        SampleSetLoader.Splits splits = SampleSetLoader.load(rows, dataset, trainingTask,
                codeFeatures != null ? codeFeatures : sentenceFeatures);
        if (splits.excluded() > 0) {
            context.message(splits.excluded() + " of " + rows.size() + " samples have no explanation pair and are "
                    + "left out for every model");
        }
        SampleSet sentenceTrain = null;
        SampleSet sentenceTest = null;
        if (sentenceFeatures != null) {
            if (codeFeatures == null) {
                sentenceTrain = splits.train();
                sentenceTest = splits.test();
            } else {
                SampleSetLoader.Standardized sentences = SampleSetLoader.standardize(
                        SampleSetLoader.withFeatures(splits.train(), sentenceFeatures, "sentence-embedding"),
                        SampleSetLoader.withFeatures(splits.test(), sentenceFeatures, "sentence-embedding"));
                sentenceTrain = sentences.train();
                sentenceTest = sentences.test();
            }
        }
        SampleSetLoader.Carved smallest = SampleSetLoader.carveValidation(
                SampleSetLoader.firstFraction(splits.train(), settings.trainFractions().get(0)),
                settings.validationFraction());
        if (settings.patience() > 0 && smallest.validation().size() == 0) {
            throw new WorkbenchException(emptyValidationMessage(settings.validationFraction()));
        }
        int smallestTrain = smallest.train().size();
        if (smallestTrain < settings.batchSize()) {
            throw new WorkbenchException("Only " + smallestTrain + " training samples"
                    + (settings.trainFractions().get(0) < 1 ? " at training fraction " + settings.trainFractions().get(0) : "")
                    + ", fewer than one batch of " + settings.batchSize() + ": lower the batch size or use more data.");
        }

        // Ranking: the candidates are sampled, explained and stored before the experiment row, so a project with
        // nothing to rank is refused with nothing written.
        RankingCandidates.Prepared ranked = ranks ? ranking.prepare(rows, dataset, splits.test(), codeFeatures,
                settings.generator(), settings.generatorModel(), settings.seed(), context) : null;
        if (ranked != null) {
            ranked.summary().lines().forEach(context::message);
        }
        ComputeDevice device = ComputeDevice.detect();
        long experimentId = resumeExperimentId != null ? resumeExperimentId : database.inTransaction((Database.Work<Long>) tx ->
                repository.createExperiment(tx, new ExperimentRecord(0, OffsetDateTime.now(),
                        settings.task().name().toLowerCase(Locale.ROOT), settings.models(), settings.repeats(),
                        settings.epochs(), settings.validationFraction(), settings.patience(), settings.batchSize(), settings.learningRate(), settings.seed(),
                        settings.fractionsText(), settings.generator(), settings.generatorModel(),
                        splits.train().size(), splits.test().size(), splits.excluded(), device.backend(),
                        device.device(), ExperimentRepository.RUNNING, settings.weightDecay(), settings.dropout(),
                        settings.variant())));
        Map<String, RunRecord> finished = new HashMap<>();
        for (RunRecord r : database.read(tx -> repository.runs(tx, experimentId))) {
            if (ExperimentRepository.DONE.equals(r.status())) {
                finished.put(key(r.model(), r.repeat(), r.trainFraction()), r);
            } else {
                database.inTransaction(tx -> {
                    repository.deleteRun(tx, r.id());
                });
            }
        }
        database.inTransaction(tx -> {
            repository.setExperimentStatus(tx, experimentId, ExperimentRepository.RUNNING);
        });

        long keptEpochs = 0;
        for (double fraction : settings.trainFractions()) {
            for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                for (Entry entry : entries) {
                    keptEpochs += finished.containsKey(key(entry.id(), repeat, fraction)) ? settings.epochs() : 0;
                }
            }
        }
        // Counted from the start, so a resumed experiment's rate (and ETA) measures the runs it trains, not those kept.
        Progress progress = new Progress(phases.enter(TRAINING_PHASE), (long) settings.trainFractions().size()
                * settings.repeats() * entries.size() * settings.epochs(), keptEpochs);
        Map<Double, UncertaintyAnalysis.Fit> fits = new LinkedHashMap<>();
        Map<Double, ConsumerBootstrap.Interval> intervals = new LinkedHashMap<>();
        try {
            for (double fraction : settings.trainFractions()) {
                Map<String, float[]> predictionSums = new LinkedHashMap<>();
                for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                    for (Entry entry : entries) {
                        RunRecord done = finished.get(key(entry.id(), repeat, fraction));
                        float[] predicted;
                        if (done != null) {
                            predicted = storedPredictions(done.id(), splits.test());
                            progress.kept();
                        } else {
                            SampleSet train = entry.features() == Features.SENTENCE_EMBEDDINGS ? sentenceTrain : splits.train();
                            SampleSet test = entry.features() == Features.SENTENCE_EMBEDDINGS ? sentenceTest : splits.test();
                            SampleSet rankingSet = ranked == null ? null : ranked.set();
                            SampleSetLoader.Carved carved = SampleSetLoader.carveValidation(
                                    SampleSetLoader.firstFraction(train, fraction), settings.validationFraction());
                            if (entry.features() == Features.SHUFFLED_AUTOENCODER_CODES) {
                                // The control: each split's codes permuted among its own samples, seeded by the run (its
                                // stored seed). ShuffledExplanationSources rebuilds this for the case workbench: change both.
                                long seed = settings.seed() + repeat;
                                carved = new SampleSetLoader.Carved(carved.train().shuffledExplanations(seed),
                                        carved.validation().shuffledExplanations(seed));
                                test = test.shuffledExplanations(seed);
                                rankingSet = rankingSet == null ? null : rankingSet.shuffledExplanations(seed);
                            }
                            predicted = trainOnce(experimentId, entry, repeat, fraction, carved, test, rankingSet,
                                    splits, dataset, progress);
                        }
                        predictionSums.merge(entry.id(), predicted.clone(), ExperimentJob::addInPlace);
                    }
                }
                Map<String, float[]> means = means(predictionSums);
                if (ranks) {
                    // The uncertainty and bootstrap analyses are about rating errors; ranking reports its metrics only.
                    continue;
                }
                Optional<String> best = bestBaseline(experimentId, fraction);
                uncertainty(experimentId, fraction, splits.test(), means, best).ifPresent(f -> fits.put(fraction, f));
                gainInterval(splits.test(), means, best).ifPresent(i -> intervals.put(fraction, i));
            }
        } catch (CancelledException e) {
            database.inTransaction(tx -> {
                repository.setExperimentStatus(tx, experimentId, ExperimentRepository.CANCELLED);
            });
            throw e;
        } catch (Exception | Error e) {
            database.inTransaction(tx -> {
                repository.setExperimentStatus(tx, experimentId, ExperimentRepository.FAILED);
            });
            throw e;
        }

        List<RunRecord> runs = database.read(tx -> repository.runs(tx, experimentId));
        Map<Long, Map<String, Double>> rankingMetrics = ranks
                ? database.read(tx -> new RankingCandidateRepository().metrics(tx, experimentId)) : Map.of();
        Map<String, ModelCatalog.Role> roles = new LinkedHashMap<>();
        entries.forEach(e -> roles.put(e.id(), e.role()));
        List<ResultTable> tables = new ArrayList<>();
        for (double fraction : settings.trainFractions()) {
            ResultTable table = new ResultTable(settings.task(), fraction, settings.models(), roles, runs, rankingMetrics);
            tables.add(intervals.containsKey(fraction) ? table.withGainInterval(intervals.get(fraction)) : table);
        }
        List<String> notes = ranked == null ? List.of() : ranked.summary().lines();
        Path[] files = export(experimentId, tables, fits, device, splits, notes);
        database.inTransaction(tx -> {
            repository.setExperimentStatus(tx, experimentId, ExperimentRepository.DONE);
        });
        return new ExperimentOutcome(experimentId, splits.train().size(), splits.test().size(), splits.excluded(),
                tables, fits, files[0], files[1], notes);
    }

    /**
     * Trains one run on {@code carved}: its training part to fit, its validation part for the per-epoch metric
     * and early stopping. The test samples are used only after training, for the reported metrics.
     */
    private float[] trainOnce(long experimentId, Entry entry, int repeat, double fraction, SampleSetLoader.Carved carved,
                              SampleSet test, SampleSet rankingSet, SampleSetLoader.Splits splits, DatasetInfo dataset,
                              Progress progress)
            throws IOException {
        SampleSet train = carved.train();
        SampleSet validation = carved.validation();
        long seed = settings.seed() + repeat;
        long runId = database.inTransaction((Database.Work<Long>) tx -> repository.createRun(tx, experimentId, entry.id(), repeat, seed,
                fraction, settings.epochs()));
        Path dir = modelsDir.resolve("experiment-" + experimentId);
        Files.createDirectories(dir);
        Path checkpoint = dir.resolve("run-" + runId + "-" + entry.id() + ".sd");
        // Stored relative to the folder holding the models folder (the project's), so a moved project finds it.
        Path base = modelsDir.toAbsolutePath().getParent();
        String relativeCheckpoint = base.relativize(checkpoint.toAbsolutePath()).toString();
        RatingModel model = entry.factory().get();
        TrainingSettings training = new TrainingSettings(settings.task().trainingTask(), settings.epochs(), settings.patience(),
                settings.batchSize(),
                settings.learningRate(), seed, splits.numConsumers(), splits.numProducts(), settings.weightDecay(),
                settings.dropout());
        String label = String.format(Locale.ROOT, "%s (repeat %d/%d, fraction %s)", entry.id(), repeat + 1,
                settings.repeats(), ResultTable.fraction(fraction));
        String metricName = settings.task().trainingTask() == PredictionTask.REGRESSION ? "RMSE" : "AUC";
        long start = System.nanoTime();
        try {
            int[] lastEpoch = {0};
            int epochsUsed = model.fit(train, validation, training, (epoch, loss, metric) -> {
                database.inTransaction(tx -> {
                    repository.addCurvePoint(tx, runId, epoch, loss, metric);
                });
                saveCheckpoint(model, checkpoint);
                lastEpoch[0] = epoch;
                progress.epoch(String.format(Locale.ROOT, "%s epoch %d/%d: loss %.4f, validation %s %.4f", label,
                        epoch, settings.epochs(), loss, metricName, metric));
            }, progress.context());
            // Early stopping ended the run before the maximum: the progress bar counts the epochs not trained.
            progress.skip(settings.epochs() - lastEpoch[0], String.format(Locale.ROOT,
                    "%s stopped early: best validation %s at epoch %d", label, metricName, epochsUsed));
            // The weights kept (the best validation epoch's) replace the last epoch's checkpoint.
            saveCheckpoint(model, checkpoint);
            float[] predicted = model.predict(test);
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean regression = settings.task().trainingTask() == PredictionTask.REGRESSION;
            double rmse = regression ? Metrics.rmse(predicted, test.target()) : Double.NaN;
            double mae = regression ? Metrics.mae(predicted, test.target()) : Double.NaN;
            double rmseOrig = regression ? Metrics.rmseOriginal(predicted, test.rating(), dataset) : Double.NaN;
            double maeOrig = regression ? Metrics.maeOriginal(predicted, test.rating(), dataset) : Double.NaN;
            double auc = regression ? Double.NaN : Metrics.auc(predicted, test.target());
            float[] attention = model instanceof AttentionModel a ? a.attention(test) : null;
            // Ranking: every model scores each ranked sample's group (the sample, then its candidates) with its
            // rating prediction, and the group's ranking gives HR@K and NDCG@K.
            Map<String, Double> rankingMetrics = rankingSet == null ? null
                    : RankingMetrics.of(RankingMetrics.ranks(model.predict(rankingSet), RankingCandidates.NEGATIVES + 1));
            database.inTransaction(tx -> {
                if (rankingMetrics != null) {
                    new RankingCandidateRepository().saveMetrics(tx, runId, rankingMetrics);
                }
                repository.savePredictions(tx, runId, test.sampleIds(), predicted);
                if (attention != null) {
                    repository.saveAttention(tx, runId, test.sampleIds(), attention);
                }
                repository.setEpochsUsed(tx, runId, epochsUsed);
                repository.finishRun(tx, runId, ExperimentRepository.DONE, rmse, mae, rmseOrig, maeOrig, auc, seconds,
                        relativeCheckpoint, null);
            });
            LOG.info("run {} {} done in {} s: rmse {} auc {}", runId, label, seconds, rmse, auc);
            return predicted;
        } catch (CancelledException e) {
            finishUnsuccessful(runId, ExperimentRepository.CANCELLED, start, relativeCheckpoint, "cancelled");
            throw e;
        } catch (RuntimeException e) {
            finishUnsuccessful(runId, ExperimentRepository.FAILED, start, relativeCheckpoint, e.getMessage());
            throw e;
        }
    }

    private static void saveCheckpoint(RatingModel model, Path checkpoint) {
        try {
            Path partial = checkpoint.resolveSibling(checkpoint.getFileName() + ".partial");
            model.save(partial);
            Files.move(partial, checkpoint, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot write the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    private void finishUnsuccessful(long runId, String status, long start, String checkpoint, String message) {
        double seconds = (System.nanoTime() - start) / 1e9;
        database.inTransaction(tx -> {
            repository.finishRun(tx, runId, status, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    seconds, checkpoint, message);
        });
    }

    /** The stored predictions of a finished run, aligned with the test set's order. */
    private float[] storedPredictions(long runId, SampleSet test) {
        ExperimentRepository.SamplePredictions stored = database.read(tx -> repository.predictions(tx, runId));
        Map<Long, Float> byId = new HashMap<>();
        for (int i = 0; i < stored.sampleIds().length; i++) {
            byId.put(stored.sampleIds()[i], stored.values()[i]);
        }
        float[] out = new float[test.size()];
        for (int i = 0; i < out.length; i++) {
            Float v = byId.get(test.sampleIds()[i]);
            if (v == null) {
                throw new WorkbenchException("Run " + runId + " has no prediction for test sample "
                        + test.sampleIds()[i] + ": the samples changed since; start a new experiment.");
            }
            out[i] = v;
        }
        return out;
    }

    /** Each model's test predictions averaged over its repeats. */
    private Map<String, float[]> means(Map<String, float[]> sums) {
        Map<String, float[]> means = new LinkedHashMap<>();
        sums.forEach((model, sum) -> {
            float[] mean = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                mean[i] = sum[i] / settings.repeats();
            }
            means.put(model, mean);
        });
        return means;
    }

    /** The baseline with the best mean primary metric over the finished runs of {@code fraction}, as the table says. */
    private Optional<String> bestBaseline(long experimentId, double fraction) {
        List<RunRecord> runs = database.read(tx -> repository.runs(tx, experimentId));
        Map<String, ModelCatalog.Role> roles = new LinkedHashMap<>();
        settings.models().forEach(m -> roles.put(m, catalog.get(m).role()));
        return new ResultTable(settings.task(), fraction, settings.models(), roles, runs).bestBaseline();
    }

    /**
     * The 95% interval of LR-Recsys' gain over the best baseline on the task's primary metric, from the
     * repeat-averaged test predictions, resampling consumers ({@value #BOOTSTRAP_RESAMPLES} resamples, seeded by
     * the experiment's seed).
     */
    private Optional<ConsumerBootstrap.Interval> gainInterval(SampleSet test, Map<String, float[]> means,
                                                              Optional<String> best) {
        if (!means.containsKey(ModelCatalog.LR_RECSYS) || best.isEmpty()) {
            return Optional.empty();
        }
        long[] consumers = new long[test.size()];
        for (int i = 0; i < consumers.length; i++) {
            consumers[i] = test.consumers()[i];
        }
        ConsumerBootstrap.SubsetMetric metric = settings.task() == PredictionTask.REGRESSION
                ? ConsumerBootstrap.RMSE : ConsumerBootstrap.AUC;
        return Optional.of(ConsumerBootstrap.gain(metric, test.target(), means.get(ModelCatalog.LR_RECSYS),
                means.get(best.get()), consumers, BOOTSTRAP_RESAMPLES, settings.seed()));
    }

    private Optional<UncertaintyAnalysis.Fit> uncertainty(long experimentId, double fraction, SampleSet test,
                                                          Map<String, float[]> means, Optional<String> best) {
        if (!means.containsKey(ModelCatalog.LR_RECSYS) || best.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ModelCatalog.Role> roles = new LinkedHashMap<>();
        settings.models().forEach(m -> roles.put(m, catalog.get(m).role()));
        List<float[]> averaged = new ArrayList<>();
        List<float[]> baselines = new ArrayList<>();
        means.forEach((model, mean) -> {
            // The shuffled-explanations control is a diagnostic, not a recommender of the comparison: it would add
            // a second copy of LR-Recsys' network to the paper's variance over all models.
            if (roles.get(model) != ModelCatalog.Role.CONTROL) {
                averaged.add(mean);
            }
            if (roles.get(model) == ModelCatalog.Role.BASELINE) {
                baselines.add(mean);
            }
        });
        UncertaintyAnalysis.PerSample perSample = UncertaintyAnalysis.perSample(test.target(), averaged, baselines,
                means.get(best.get()), means.get(ModelCatalog.LR_RECSYS));
        database.inTransaction(tx -> {
            repository.saveUncertainty(tx, experimentId, fraction, test.sampleIds(), perSample.uncertainty(),
                    perSample.uncertaintyBaselines(), perSample.gain());
        });
        return Optional.of(UncertaintyAnalysis.fit(perSample.uncertainty(), perSample.gain()));
    }

    private ExplanationFeatures sentenceEmbeddings(TaskContext context) {
        new SentenceEmbeddingJob(database, settings.generator(), settings.generatorModel(), settings.variant())
                .run(context);
        Map<Long, float[][]> pairs = database.read(tx -> new SentenceEmbeddingRepository()
                .pairs(tx, settings.generator(), settings.generatorModel(), settings.variant()));
        return new PairFeatures(pairs, SentenceEmbeddingJob.DIM);
    }

    private Path[] export(long experimentId, List<ResultTable> tables, Map<Double, UncertaintyAnalysis.Fit> fits,
                          ComputeDevice device, SampleSetLoader.Splits splits, List<String> notes) throws IOException {
        Path exports = exportsDir;
        Files.createDirectories(exports);
        String base = "experiment-" + experimentId + "-" + settings.task().name().toLowerCase(Locale.ROOT);
        List<String> csv = new ArrayList<>();
        csv.add(ResultTable.csvHeader());
        tables.forEach(t -> csv.addAll(t.csvRows()));
        Path csvFile = exports.resolve(base + ".csv");
        Files.write(csvFile, csv);
        Path mdFile = exports.resolve(base + ".md");
        String nl = System.lineSeparator();
        String report = ExperimentReport.markdown(experimentId, settings, device, splits.train().size(),
                splits.test().size(), splits.excluded(), tables, fits);
        Files.writeString(mdFile, notes.isEmpty() ? report : report + String.join(nl, notes) + nl);
        return new Path[] {csvFile, mdFile};
    }

    /** Why early stopping cannot run: no consumer has enough training samples to give one to validation. */
    static String emptyValidationMessage(double fraction) {
        return String.format(Locale.ROOT, "The validation split is empty: no consumer has enough training samples "
                + "for validation fraction %s (a consumer gives round(n x %s) of its n training samples, at most "
                + "n - 1); raise the validation fraction, or set patience 0 to train every epoch without early "
                + "stopping.", fraction, fraction);
    }

    private static String key(String model, int repeat, double fraction) {
        return model + "|" + repeat + "|" + fraction;
    }

    private static float[] addInPlace(float[] sum, float[] more) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += more[i];
        }
        return sum;
    }

    /**
     * The experiment's phases for the whole job's ETA: the autoencoder (when its codes must be trained first), the
     * sentence embeddings (when a model reads them) and the training runs, weighted in sample passes. The costs per
     * pass are estimates from `lrw bench train` (the autoencoder reads a sentence about 10 times slower than a network
     * trains on a sample) and from embedding on this machine's CPU; the ETA corrects itself once training runs.
     */
    private JobPhases plan(TaskContext context, long samples, int models, int autoencoderEpochs, boolean sentences) {
        double fractions = settings.trainFractions().stream().mapToDouble(Double::doubleValue).sum();
        double training = fractions * settings.repeats() * models * settings.epochs() * samples;
        // Two sentences a sample; the codes of every sentence are written after training (about one more epoch).
        double autoencoder = autoencoderEpochs > 0 ? (autoencoderEpochs + 1.0) * 2 * samples * AUTOENCODER_COST : 0;
        double embeddings = sentences ? 2.0 * samples * SENTENCE_EMBEDDING_COST : 0;
        return JobPhases.plan(context, autoencoder, embeddings, training);
    }

    private static final int AUTOENCODER_PHASE = 0;
    private static final int SENTENCE_PHASE = 1;
    private static final int TRAINING_PHASE = 2;
    /** Sample passes of one network epoch that one autoencoder sentence-epoch costs (estimate). */
    static final double AUTOENCODER_COST = 10;
    /** Sample passes that embedding one sentence with all-MiniLM-L6-v2 on the CPU costs (estimate). */
    static final double SENTENCE_EMBEDDING_COST = 300;

    /** Counts finished epochs across all runs for the task's progress bar. */
    private static final class Progress {
        private final TaskContext context;
        private final long total;
        private long done;

        Progress(TaskContext context, long total, long kept) {
            this.context = context;
            this.total = total;
            this.done = kept;
            context.progress(kept, total, kept > 0 ? "resuming: " + kept + " epochs of finished runs kept" : "training");
        }

        /** A finished run of a resumed experiment: its epochs were counted from the start. */
        void kept() {
            context.message("kept a finished run");
        }

        void epoch(String message) {
            context.progress(++done, total, message);
        }

        void skip(int epochs, String message) {
            if (epochs > 0) {
                done += epochs;
                context.progress(done, total, message);
            }
        }

        TaskContext context() {
            return context;
        }
    }
}
