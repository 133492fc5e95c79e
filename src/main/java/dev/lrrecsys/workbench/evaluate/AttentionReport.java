package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.RunRecord;
import dev.lrrecsys.workbench.store.Tx;

import java.util.ArrayList;
import java.util.List;

/**
 * What `lrw attention` reports: the attention summary of each chosen run (the repeats of one model in one
 * experiment, or a single run) and their summary across runs, read from the project.
 */
public record AttentionReport(List<RunRecord> runs, List<List<ExperimentRepository.AttentionRow>> rows,
                              List<AttentionSummary> summaries, AttentionAcrossRuns acrossRuns, DatasetInfo dataset) {

    /** One run of any model that stored attention weights. */
    public static AttentionReport ofRun(Database database, long runId) {
        return database.read(tx -> {
            ExperimentRepository repo = new ExperimentRepository();
            RunRecord r = repo.run(tx, runId).orElseThrow(() -> new WorkbenchException("There is no run " + runId + "."));
            return of(List.of(r), List.of(repo.attention(tx, r.id())), new DatasetRepository().find(tx).orElseThrow());
        });
    }

    /**
     * Every finished lr-recsys run of {@code experimentId} at its largest training fraction; without an experiment,
     * the runs of the last lr-recsys run with attention weights (or of the last attention run of any model).
     */
    public static AttentionReport ofExperiment(Database database, Long experimentId) {
        return database.read(tx -> {
            ExperimentRepository repo = new ExperimentRepository();
            long experiment;
            String model;
            if (experimentId != null) {
                repo.experiment(tx, experimentId).orElseThrow(
                        () -> new WorkbenchException("There is no experiment " + experimentId + "."));
                experiment = experimentId;
                model = ModelCatalog.LR_RECSYS;
            } else {
                RunRecord last = repo.lastAttentionRun(tx, ModelCatalog.LR_RECSYS).orElseThrow(() -> new WorkbenchException(
                        "No run with attention weights yet: run `lrw experiment --models lr-recsys` first."));
                experiment = last.experimentId();
                model = last.model();
            }
            List<RunRecord> ofModel = finishedRuns(repo, tx, experiment, model);
            if (ofModel.isEmpty()) {
                throw new WorkbenchException("Experiment " + experiment + " has no finished " + model + " run.");
            }
            double largest = ofModel.stream().mapToDouble(RunRecord::trainFraction).max().orElseThrow();
            return repeatsOf(tx, experiment, model, largest);
        });
    }

    /**
     * The repeats of a run: every finished run of {@code model} in {@code experimentId} at {@code trainFraction}, with
     * their attention rows, summaries and the summary across them. The Attention view and `lrw attention` both ask
     * this, so they choose the same runs.
     */
    public static AttentionReport repeatsOf(Tx tx, long experimentId, String model, double trainFraction) throws Exception {
        ExperimentRepository repo = new ExperimentRepository();
        List<RunRecord> runs = finishedRuns(repo, tx, experimentId, model).stream()
                .filter(r -> r.trainFraction() == trainFraction).toList();
        if (runs.isEmpty()) {
            throw new WorkbenchException("Experiment " + experimentId + " has no finished " + model + " run at training "
                    + "fraction " + trainFraction + ".");
        }
        List<List<ExperimentRepository.AttentionRow>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            rows.add(repo.attention(tx, r.id()));
        }
        return of(runs, rows, new DatasetRepository().find(tx).orElseThrow());
    }

    private static List<RunRecord> finishedRuns(ExperimentRepository repo, Tx tx, long experiment, String model)
            throws Exception {
        List<RunRecord> ofModel = new ArrayList<>();
        for (RunRecord r : repo.runs(tx, experiment)) {
            if (r.model().equals(model) && ExperimentRepository.DONE.equals(r.status())) {
                ofModel.add(r);
            }
        }
        return ofModel;
    }

    /** The index of run {@code runId} in {@link #runs()}, -1 when it is not one of them. */
    public int indexOf(long runId) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).id() == runId) {
                return i;
            }
        }
        return -1;
    }

    private static AttentionReport of(List<RunRecord> runs, List<List<ExperimentRepository.AttentionRow>> rows,
                                      DatasetInfo dataset) {
        List<AttentionSummary> summaries = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = runs.get(i);
            if (rows.get(i).isEmpty()) {
                throw new WorkbenchException("Run " + r.id() + " (" + r.model() + ") stored no attention weights: "
                        + "only the attention network (lr-recsys, id-only, positive-only, minilm) has them.");
            }
            summaries.add(AttentionSummary.of(rows.get(i), dataset));
        }
        return new AttentionReport(List.copyOf(runs), List.copyOf(rows), List.copyOf(summaries),
                AttentionAcrossRuns.of(summaries), dataset);
    }
}
