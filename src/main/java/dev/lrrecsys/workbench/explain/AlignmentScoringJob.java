package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.AlignmentRepository;
import dev.lrrecsys.workbench.store.AlignmentRepository.PairRow;
import dev.lrrecsys.workbench.store.AlignmentRepository.ScoreRow;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.Job;
import dev.lrrecsys.workbench.task.TaskContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * `lrw scores`: fits the LC probe and the ID-only reference on the training split (the validation part held
 * out), then stores the LC and IC of every sample's explanation pair of one source, in batches. An interrupted
 * scoring leaves an unfinished probe that nothing reads and the next scoring removes; rerunning redoes it all
 * (seconds on a 30k-interaction world), so resuming is rerunning.
 */
public final class AlignmentScoringJob implements Job<AlignmentScoringJob.Summary> {

    static final long SEED = 42;
    private static final int BATCH = 5_000;

    private final Database db;
    private final String generator;
    private final String model;
    private final Variant variant;
    private final AlignmentRepository repo = new AlignmentRepository();

    /** What was scored: counts, the probes' validation figures and the scores' distribution. */
    public record Summary(long probeId, String generator, String model, long scored, long trainSamples,
                          long validationSamples, int vocabularySize, double probeValidationRmse,
                          double idValidationRmse, double meanValidationRmse, int idEpochs, Distribution lc,
                          Distribution ic) {

        /** `key: value` lines, as `lrw scores` prints them. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append("explanations: ").append(generator).append(" (").append(model).append(")\n");
            b.append("scored: ").append(scored).append('\n');
            b.append("probe training samples: ").append(trainSamples).append('\n');
            b.append("probe validation samples: ").append(validationSamples).append('\n');
            b.append("probe vocabulary: ").append(vocabularySize).append('\n');
            b.append(String.format(Locale.ROOT, "probe validation rmse: %.4f%n", probeValidationRmse));
            b.append(String.format(Locale.ROOT, "id-only validation rmse: %.4f (%d epochs)%n", idValidationRmse, idEpochs));
            b.append(String.format(Locale.ROOT, "mean-only validation rmse: %.4f%n", meanValidationRmse));
            lc.describe("lc", b);
            ic.describe("ic", b);
            return b.toString();
        }
    }

    /** Count, mean and quartiles of one score. */
    public record Distribution(long count, double mean, double min, double q1, double median, double q3, double max) {

        static Distribution of(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            return new Distribution(v.length, mean, quantile(v, 0), quantile(v, 0.25), quantile(v, 0.5),
                    quantile(v, 0.75), quantile(v, 1));
        }

        /** Linear interpolation between order statistics (type 7, R's default). */
        static double quantile(double[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            double h = (sorted.length - 1) * q;
            int lo = (int) Math.floor(h);
            int hi = Math.min(sorted.length - 1, lo + 1);
            return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }

        void describe(String key, StringBuilder b) {
            b.append(key).append(" count: ").append(count).append('\n');
            b.append(String.format(Locale.ROOT, "%s mean: %.4f%n", key, mean));
            b.append(String.format(Locale.ROOT, "%s min: %.4f%n", key, min));
            b.append(String.format(Locale.ROOT, "%s q1: %.4f%n", key, q1));
            b.append(String.format(Locale.ROOT, "%s median: %.4f%n", key, median));
            b.append(String.format(Locale.ROOT, "%s q3: %.4f%n", key, q3));
            b.append(String.format(Locale.ROOT, "%s max: %.4f%n", key, max));
        }
    }

    public AlignmentScoringJob(Database db, String generator, String model, Variant variant) {
        this.db = db;
        this.generator = generator;
        this.model = model;
        this.variant = variant;
    }

    @Override
    public String title() {
        return "Alignment scores (" + generator + ")";
    }

    @Override
    public Summary run(TaskContext context) throws Exception {
        DatasetInfo dataset = GenerationInputs.dataset(db);
        if (variant != Variant.CONTRASTIVE) {
            throw new WorkbenchException("Alignment scores are for contrastive explanation pairs; --variant "
                    + variant.key() + " has no pair.");
        }
        context.message("reading samples and explanations");
        List<PairRow> rows = db.read(tx -> repo.pairs(tx, generator, model, variant.key()));
        if (rows.isEmpty()) {
            throw new WorkbenchException("No samples yet: run `lrw samples` and `lrw generate` before `lrw scores`.");
        }
        if (db.read(tx -> repo.countOk(tx, generator, model, variant.key())) == 0) {
            throw new WorkbenchException("No explanations of " + generator + " (" + model + ") to score: run `lrw generate"
                    + " --generator " + generator + "` before `lrw scores`.");
        }
        int n = rows.size();
        int[] consumers = new int[n];
        boolean[] test = new boolean[n];
        for (int i = 0; i < n; i++) {
            consumers[i] = rows.get(i).consumerId();
            test[i] = rows.get(i).test();
        }
        byte[] roles = AlignmentSplit.roles(consumers, test);
        List<AlignmentProbe.Example> fitted = new ArrayList<>();
        List<AlignmentProbe.Example> held = new ArrayList<>();
        List<int[]> idTrain = new ArrayList<>();
        List<Double> idTrainTarget = new ArrayList<>();
        List<int[]> idValidation = new ArrayList<>();
        List<Double> idValidationTarget = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PairRow r = rows.get(i);
            double y = dataset.scaled(r.rating());
            if (roles[i] == 0) {
                idTrain.add(new int[]{r.consumerId(), r.productId()});
                idTrainTarget.add(y);
            } else if (roles[i] == 1) {
                idValidation.add(new int[]{r.consumerId(), r.productId()});
                idValidationTarget.add(y);
            }
            if (hasPair(r) && roles[i] < 2) {
                (roles[i] == 0 ? fitted : held).add(new AlignmentProbe.Example(r.positive(), r.negative(), y));
            }
        }
        if (fitted.isEmpty()) {
            throw new WorkbenchException("No training sample has both explanations of " + generator + " (" + model
                    + "): the probe has nothing to learn from; finish `lrw generate` first.");
        }
        context.message("fitting the LC probe on " + fitted.size() + " training pairs");
        AlignmentProbe.Fit probe = AlignmentProbe.fit(fitted, held, SEED, context);
        context.message("fitting the ID-only reference on " + idTrain.size() + " training samples");
        IdOnlyReference id = IdOnlyReference.fit(idTrain.toArray(int[][]::new),
                idTrainTarget.stream().mapToDouble(Double::doubleValue).toArray(), idValidation.toArray(int[][]::new),
                idValidationTarget.stream().mapToDouble(Double::doubleValue).toArray(), SEED, context);
        double mean = idTrainTarget.stream().mapToDouble(Double::doubleValue).average().orElse(0.5);
        double meanRmse = Math.sqrt(idValidationTarget.stream().mapToDouble(y -> (y - mean) * (y - mean)).average()
                .orElse(Double.NaN));

        db.inTransaction(repo::deleteUnfinished);
        long probeId = db.inTransaction((Database.Work<Long>) tx -> repo.start(tx, generator, model, variant.key(),
                probe.probe().vocabularySize(), fitted.size(), held.size(), mean, probe.probe().l2(),
                probe.validationRmse(), id.validationRmse(), id.epochs(), probe.probe().serialize()));
        List<Double> lcs = new ArrayList<>();
        List<Double> ics = new ArrayList<>();
        try {
            List<ScoreRow> batch = new ArrayList<>();
            long scoredSoFar = 0;
            for (int i = 0; i < n; i++) {
                if ((i & 1023) == 0) {
                    context.checkCancelled();
                }
                PairRow r = rows.get(i);
                if (!hasPair(r)) {
                    continue;
                }
                AlignmentScore s = AlignmentScore.of(probe.probe().predict(r.positive(), r.negative()),
                        id.predict(r.consumerId(), r.productId()), mean, dataset.scaled(r.rating()));
                batch.add(new ScoreRow(r.sampleId(), (float) s.probePrediction(), (float) s.idPrediction(),
                        (float) s.lc(), (float) s.ic()));
                lcs.add(s.lc());
                ics.add(s.ic());
                if (batch.size() >= BATCH) {
                    scoredSoFar += write(probeId, batch);
                    context.progress(i + 1, n, "scored " + scoredSoFar);
                }
            }
            write(probeId, batch);
            db.inTransaction(tx -> {
                repo.finish(tx, probeId);
            });
            context.progress(n, n, "scored " + lcs.size());
        } catch (CancelledException e) {
            db.inTransaction(repo::deleteUnfinished);
            throw e;
        }
        return new Summary(probeId, generator, model, lcs.size(), fitted.size(), held.size(),
                probe.probe().vocabularySize(), probe.validationRmse(), id.validationRmse(), meanRmse, id.epochs(),
                Distribution.of(lcs.stream().mapToDouble(Double::doubleValue).toArray()),
                Distribution.of(ics.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private int write(long probeId, List<ScoreRow> batch) {
        int size = batch.size();
        if (size > 0) {
            List<ScoreRow> copy = List.copyOf(batch);
            db.inTransaction(tx -> {
                repo.writeScores(tx, probeId, copy);
            });
            batch.clear();
        }
        return size;
    }

    static boolean hasPair(PairRow r) {
        return r.positive() != null && r.negative() != null;
    }
}
