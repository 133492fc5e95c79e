package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.CounterfactualPredictor;
import dev.lrrecsys.workbench.evaluate.CounterfactualPredictor.CaseInput;
import dev.lrrecsys.workbench.evaluate.CounterfactualPredictor.Prediction;
import dev.lrrecsys.workbench.explain.AlignmentProbe;
import dev.lrrecsys.workbench.explain.AlignmentScore;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.insight.CaseAnalysis;
import dev.lrrecsys.workbench.insight.CaseAnalysis.ModelSpread;
import dev.lrrecsys.workbench.insight.WordSalience;
import dev.lrrecsys.workbench.insight.WordSalience.WordWeight;
import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.AlignmentRepository;
import dev.lrrecsys.workbench.store.CaseRepository;
import dev.lrrecsys.workbench.store.CaseRepository.CaseRun;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.StoredSample;
import dev.lrrecsys.workbench.store.WhatIfCaseRepository;
import dev.lrrecsys.workbench.store.WhatIfCaseRepository.WhatIfCase;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Inspect a case" (the case workbench and `lrw case`): one sample seen through one finished run, with every model's
 * stored prediction across the run's experiment, the run's prediction and attention computed again from its
 * checkpoint, and, for an edit of the explanations, history or candidate, the counterfactual prediction and the
 * word salience of both explanations. Nothing is written to the data; a what-if case is saved only when asked. An
 * instance keeps the last run's loaded checkpoint and autoencoder, so further edits of the same run answer quickly.
 */
public final class InspectCase {

    /** How many salient words per side the CLI prints by default. */
    public static final int DEFAULT_SALIENT_WORDS = 5;

    /**
     * Which case and which edits. A null sample means the first test sample, a null run the newest finished lr-recsys
     * run (else the newest finished run); null texts, history or candidate keep the stored ones. History and candidate
     * name products by their external ids (as in the dataset's files), history oldest first, at most 5.
     */
    public record Settings(Long sampleId, Long runId, String positive, String negative, List<String> history,
                           String candidate, boolean salience) {

        public Settings {
            InvalidSettingException.require(sampleId == null || sampleId > 0, "sample",
                    "sample must be a positive id, got " + sampleId + ".");
            InvalidSettingException.require(runId == null || runId > 0, "run", "run must be a positive id, got " + runId + ".");
            if (history != null) {
                InvalidSettingException.require(history.size() <= SampleSet.HISTORY, "history",
                        "history holds at most " + SampleSet.HISTORY + " products, got " + history.size() + ".");
                history = history.stream().map(String::trim).toList();
                InvalidSettingException.require(history.stream().noneMatch(String::isEmpty), "history",
                        "history names an empty product id.");
            }
            if (candidate != null) {
                candidate = candidate.trim();
            }
        }

        /** The stored case of the default sample and run, with salience. */
        public static Settings defaults() {
            return new Settings(null, null, null, null, null, null, true);
        }

        public boolean edited() {
            return positive != null || negative != null || history != null || candidate != null;
        }

        public Settings withCase(Long sample, Long run) {
            return new Settings(sample, run, positive, negative, history, candidate, salience);
        }

        public Settings withEdits(String positiveText, String negativeText, List<String> historyIds, String candidateId) {
            return new Settings(sampleId, runId, positiveText, negativeText, historyIds, candidateId, salience);
        }
    }

    /** The inputs of one side of the comparison: explanation texts and products by external id. */
    public record CaseState(String positive, String negative, List<String> history, String candidate,
                            List<Map<String, String>> historyRows, Map<String, String> candidateRows, Prediction prediction) {
    }

    /**
     * The LC and IC of a stored explanation pair as `lrw scores` stored them (docs/alignment.md), with the sample whose
     * pair it is; null figures with {@code note} saying why there are none (not scored yet, or no pair when scored).
     * {@code editedLc} and {@code editedIc} score an edited text with the same stored probe, the sample's stored
     * ID-only prediction and rating; null without a text edit, and where those do not hold for the edit (another
     * candidate, or a shuffled run's borrowed pair).
     */
    public record Alignment(long sampleId, Float lc, Float ic, String note, Float editedLc, Float editedIc) {

        public boolean scored() {
            return lc != null;
        }

        /** LC as both front ends and the Explanations view print it (3 decimals). */
        public String lcText() {
            return format(lc);
        }

        public String icText() {
            return format(ic);
        }

        public String editedLcText() {
            return format(editedLc);
        }

        public String editedIcText() {
            return format(editedIc);
        }

        private static String format(Float v) {
            return v == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", v);
        }
    }

    /**
     * Everything the window and the CLI show of a case. {@code counterfactual} is null without edits; salience is of
     * the texts the counterfactual uses (the stored ones without edits), empty when the run reads no explanations.
     * {@code explanationSampleId} is the sample whose stored pair the run reads here (this one, except for the
     * shuffled control), {@code feeding} a sentence saying so when it is another's (null otherwise), and
     * {@code alignment} the scores of that pair.
     */
    public record CaseReport(long sampleId, CaseRun run, DatasetInfo dataset, double rating, String split,
                             Map<String, String> consumerRows, Double storedPrediction, List<ModelSpread> models,
                             CaseState original, CaseState counterfactual, boolean readsExplanations,
                             List<WordWeight> positiveSalience, List<WordWeight> negativeSalience,
                             long explanationSampleId, String feeding, Alignment alignment) {

        /** The rating on [0,1], as predictions are. */
        public double truth() {
            return dataset.scaled(rating);
        }
    }

    private final Project project;
    private final CaseRepository cases = new CaseRepository();
    private CounterfactualPredictor loaded;

    public InspectCase(Project project) {
        this.project = project;
    }

    public Job<CaseReport> job(Settings settings) {
        return new WorkflowJob<>("Case " + (settings.sampleId() == null ? "" : settings.sampleId()), context -> inspect(settings, context));
    }

    /** The predictor of a run, loaded once and kept while the same run is asked for. */
    public synchronized CounterfactualPredictor predictor(long runId) {
        if (loaded == null || loaded.run().id() != runId) {
            loaded = null;
            loaded = CounterfactualPredictor.load(project.database(), project.dir(), runId);
        }
        return loaded;
    }

    public CaseReport inspect(Settings settings, TaskContext context) {
        long sampleId = settings.sampleId() != null ? settings.sampleId() : project.database().read(tx -> {
            Long first = cases.firstTestSample(tx);
            if (first == null) {
                throw new WorkbenchException("This project has no test samples yet: import a dataset first.");
            }
            return first;
        });
        if (!project.database().read(tx -> cases.sampleExists(tx, sampleId))) {
            throw new WorkbenchException("There is no sample " + sampleId + " in this project.");
        }
        // Edited products are checked before the run is loaded, so a bad id answers with its own message only.
        List<Integer> editedHistory = settings.history() == null ? null : productIds(settings.history(), "History product");
        Integer editedCandidate = settings.candidate() == null ? null
                : productIds(List.of(settings.candidate()), "Candidate product").get(0);
        long runId = settings.runId() != null ? settings.runId() : project.database().read(tx -> {
            Long found = cases.defaultRun(tx);
            if (found == null) {
                throw new WorkbenchException("No finished run to predict with: train and evaluate first (`lrw experiment`).");
            }
            return found;
        });
        context.progress(0, 3, "loading run " + runId);
        CounterfactualPredictor predictor = predictor(runId);
        CaseRun run = predictor.run();
        StoredSample sample = predictor.sample(sampleId);
        if (sample == null) {
            throw new WorkbenchException("There is no sample " + sampleId + " in this project.");
        }
        // The shuffled control read another sample's pair here: feed it that one, as it was trained and tested.
        long source = predictor.explanationSource(sampleId);
        String feeding = feeding(predictor, sampleId, source);
        String[] stored = project.database().read(tx -> cases.explanationPair(tx, source, run.generator(), run.generatorModel(),
                run.variant()));
        if (predictor.readsExplanations()) {
            requireKnownWords(predictor, settings.positive(), "positive");
            requireKnownWords(predictor, settings.negative(), "negative");
            for (int side = 0; side < 2; side++) {
                String edit = side == 0 ? settings.positive() : settings.negative();
                if (stored[side] == null && edit == null) {
                    throw new WorkbenchException("Sample " + source + " has no " + (side == 0 ? "positive" : "negative")
                            + " explanation from generator '" + run.generator() + "' (model '" + run.generatorModel()
                            + "'), which run " + runId + " reads: write one in the edit, or generate explanations first.");
                }
            }
        }
        context.checkCancelled();
        String positive = stored[0] == null ? "" : stored[0];
        String negative = stored[1] == null ? "" : stored[1];
        CaseInput base = predictor.input(sample, positive, negative);
        CaseInput edited = base;
        if (settings.edited()) {
            int[] history = base.history();
            if (editedHistory != null) {
                history = new int[SampleSet.HISTORY];
                java.util.Arrays.fill(history, -1);
                int offset = SampleSet.HISTORY - editedHistory.size();
                for (int k = 0; k < editedHistory.size(); k++) {
                    history[offset + k] = predictor.productIndex(editedHistory.get(k));
                }
            }
            edited = new CaseInput(base.consumerIndex(), editedCandidate == null ? base.productIndex() : predictor.productIndex(editedCandidate),
                    history, settings.positive() != null ? settings.positive() : positive,
                    settings.negative() != null ? settings.negative() : negative);
        }
        context.progress(1, 3, "predicting");
        List<Prediction> both = predictor.predict(settings.edited() ? List.of(base, edited) : List.of(base));
        Prediction original = both.get(0);
        Prediction counterfactual = settings.edited() ? both.get(1) : null;
        context.progress(2, 3, "word salience");
        CaseInput salient = edited;
        double salientBase = (counterfactual != null ? counterfactual : original).value();
        List<WordWeight> positiveSalience = settings.salience() ? WordSalience.occlude(predictor, salient, true, salientBase) : List.of();
        List<WordWeight> negativeSalience = settings.salience() ? WordSalience.occlude(predictor, salient, false, salientBase) : List.of();
        int[] storedHistory = sample.history();
        List<Integer> originalHistory = new ArrayList<>();
        for (int h : storedHistory) {
            if (h >= 0) {
                originalHistory.add(h);
            }
        }
        CaseReport report = project.database().read(tx -> {
            DatasetInfo dataset = new DatasetRepository().find(tx).orElseThrow(
                    () -> new WorkbenchException("This project has no dataset: import one first."));
            CaseState originalState = state(tx, positive, negative, originalHistory, sample.productId(), original);
            CaseState counterfactualState = counterfactual == null ? null
                    : state(tx, settings.positive() != null ? settings.positive() : positive,
                    settings.negative() != null ? settings.negative() : negative,
                    editedHistory != null ? editedHistory : originalHistory,
                    editedCandidate != null ? editedCandidate : sample.productId(), counterfactual);
            return new CaseReport(sampleId, run, dataset, sample.rating(), sample.test() ? "test" : "train",
                    cases.consumerRows(tx, sampleId), cases.storedPrediction(tx, runId, sampleId),
                    CaseAnalysis.spreadByModel(cases.experimentPredictions(tx, run.experimentId(), sampleId)),
                    originalState, counterfactualState, predictor.readsExplanations(), positiveSalience, negativeSalience,
                    source, feeding, alignment(tx, run, source, dataset.scaled(sample.rating()),
                            (settings.positive() != null || settings.negative() != null) && editedCandidate == null && source == sampleId
                                    ? new String[] {counterfactualState.positive(), counterfactualState.negative()} : null));
        });
        context.progress(3, 3, "done");
        return report;
    }

    /** What the shuffled control read for this sample, said in the window and by `lrw case`; null for other runs. */
    private static String feeding(CounterfactualPredictor predictor, long sampleId, long source) {
        if (!predictor.shuffled()) {
            return null;
        }
        CaseRun run = predictor.run();
        if (!predictor.shuffledRead(sampleId)) {
            return "shuffled control: run " + run.id() + " never read sample " + sampleId + " (no explanation pair, or a "
                    + "training sample beyond its training fraction); it is fed the sample's own explanations.";
        }
        String fed = "shuffled control: run " + run.id() + " was trained and tested with sample " + source
                + "'s explanations in this sample's place (its seeded permutation, seed " + run.seed()
                + "); those are fed, shown and edited here.";
        if (!predictor.shuffleMatchesRun()) {
            fed += " Caution: the permutation is rebuilt from today's explanation codes, which give "
                    + predictor.rebuiltTestSamples() + " test samples where the run predicted " + predictor.predictedTestSamples()
                    + "; explanations changed since the experiment, so the pair fed may not be the one it read.";
        }
        return fed;
    }

    /**
     * The stored LC and IC of a sample's pair from the run's explanation source (what `lrw scores` wrote), and, for an
     * edited pair of texts (null: none), its LC and IC by the same probe, ID-only prediction, mean and {@code target}
     * (the scaled rating), as best-of-N scores a candidate.
     */
    private static Alignment alignment(dev.lrrecsys.workbench.store.Tx tx, CaseRun run, long sampleId, double target,
                                       String[] edited) throws Exception {
        AlignmentRepository scores = new AlignmentRepository();
        String variant = Variant.CONTRASTIVE.key();
        var probe = scores.probe(tx, run.generator(), run.generatorModel(), variant);
        if (probe.isEmpty()) {
            String command = "lrw scores" + (GenerateExplanations.Settings.OFFLINE.equals(run.generator()) ? ""
                    : " --generator " + run.generator() + " --model " + run.generatorModel());
            return new Alignment(sampleId, null, null, "not scored yet: run " + command, null, null);
        }
        var stored = scores.score(tx, run.generator(), run.generatorModel(), variant, sampleId);
        if (stored.isEmpty()) {
            return new Alignment(sampleId, null, null, "not scored: sample " + sampleId
                    + " had no explanation pair when lrw scores ran", null, null);
        }
        AlignmentRepository.ScoreRow s = stored.get();
        if (edited == null) {
            return new Alignment(sampleId, s.lc(), s.ic(), null, null, null);
        }
        AlignmentScore e = AlignmentScore.of(AlignmentProbe.parse(probe.get().weights()).predict(edited[0], edited[1]),
                s.idPrediction(), probe.get().trainMean(), target);
        return new Alignment(sampleId, s.lc(), s.ic(), null, (float) e.lc(), (float) e.ic());
    }

    private CaseState state(dev.lrrecsys.workbench.store.Tx tx, String positive, String negative, List<Integer> history,
                            int candidate, Prediction prediction) throws Exception {
        List<String> historyIds = new ArrayList<>();
        List<Map<String, String>> historyRows = new ArrayList<>();
        for (int h : history) {
            historyIds.add(cases.productExternalId(tx, h));
            historyRows.add(cases.productRows(tx, h));
        }
        return new CaseState(positive, negative, historyIds, cases.productExternalId(tx, candidate), historyRows,
                cases.productRows(tx, candidate), prediction);
    }

    private List<Integer> productIds(List<String> externalIds, String what) {
        return project.database().read(tx -> {
            List<Integer> ids = new ArrayList<>();
            for (String id : externalIds) {
                Integer found = cases.productId(tx, id);
                if (found == null) {
                    throw new WorkbenchException(what + " '" + id + "' does not exist in this project.");
                }
                ids.add(found);
            }
            return ids;
        });
    }

    private static void requireKnownWords(CounterfactualPredictor predictor, String text, String side) {
        if (text != null && !predictor.knowsAnyWord(text)) {
            throw new WorkbenchException("The edited " + side + " explanation cannot be encoded: all words unknown to the autoencoder.");
        }
    }

    /** Saves the edit of {@code report} as a named what-if case; refuses an empty or taken name and an unedited case. */
    public Job<Long> saveWhatIf(String name, CaseReport report) {
        return new WorkflowJob<>("Save what-if case", context -> {
            String trimmed = name == null ? "" : name.trim();
            InvalidSettingException.require(!trimmed.isEmpty(), "name", "Name the what-if case.");
            InvalidSettingException.require(trimmed.length() <= 200, "name", "A what-if case name has at most 200 characters.");
            if (report.counterfactual() == null) {
                throw new WorkbenchException("Nothing is edited: a what-if case keeps an edit and its prediction.");
            }
            CaseState edit = report.counterfactual();
            return project.database().inTransaction(tx -> {
                WhatIfCaseRepository repo = new WhatIfCaseRepository();
                if (repo.exists(tx, trimmed)) {
                    throw new WorkbenchException("A what-if case named '" + trimmed + "' already exists.");
                }
                return repo.save(tx, new WhatIfCase(0, trimmed, OffsetDateTime.now(), report.sampleId(), report.run().id(),
                        edit.positive(), edit.negative(), edit.history(), edit.candidate(), report.original().prediction().value(),
                        edit.prediction().value()));
            });
        });
    }

    /** The saved what-if cases, oldest first. */
    public List<WhatIfCase> whatIfCases() {
        return project.database().read(tx -> new WhatIfCaseRepository().all(tx));
    }

    /** Writes every saved what-if case to {@code file} as CSV (one row per case, predictions on [0,1]). */
    public Job<Path> exportWhatIf(Path file) {
        return new WorkflowJob<>("Export what-if cases", context -> {
            List<WhatIfCase> all = whatIfCases();
            if (all.isEmpty()) {
                throw new WorkbenchException("No what-if cases are saved in this project yet.");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("name", "created_at", "sample", "run",
                         "positive", "negative", "history", "candidate", "prediction", "counterfactual_prediction").build())) {
                for (WhatIfCase c : all) {
                    csv.printRecord(c.name(), c.createdAt(), c.sampleId(), c.runId(), c.positive(), c.negative(),
                            String.join(" ", c.history()), c.candidate(), c.prediction(), c.counterfactual());
                }
            } catch (IOException e) {
                throw new WorkbenchException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            return file;
        });
    }

    /** Where an export goes by default: the project's exports folder. */
    public Path defaultExportFile() {
        return project.exportsDir().resolve("what-if-cases.csv");
    }
}
