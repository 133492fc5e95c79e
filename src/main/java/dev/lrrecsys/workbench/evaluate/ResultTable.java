package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.store.RunRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The paper's Table 2 for one training fraction: mean (sd) of each metric per model over the finished
 * repeats and the mean epochs the runs used, LR-Recsys' % improvement over the best baseline and the paired
 * t-test between the two.
 */
public final class ResultTable {

    /** A metric column: its header, how to read it from a run, and whether lower is better. */
    public record Metric(String name, Function<RunRecord, Double> read, boolean lowerIsBetter) {
    }

    /** LR-Recsys against the best baseline on the task's primary metric. */
    public record Comparison(String bestBaseline, double improvementPercent, double pValue, int pairs) {
    }

    private final PredictionTask task;
    private final double trainFraction;
    private final List<String> models;
    private final Map<String, List<RunRecord>> runsByModel = new LinkedHashMap<>();
    private final Map<String, ModelCatalog.Role> roles;
    /** The bootstrap interval of LR-Recsys' gain over the best baseline, where the experiment computed one. */
    private final ConsumerBootstrap.Interval gainInterval;
    /** Ranking: HR@K and NDCG@K of each finished run, by run id and metric name (see {@link RankingMetrics}). */
    private final Map<Long, Map<String, Double>> rankingMetrics;

    public ResultTable(PredictionTask task, double trainFraction, List<String> models, Map<String, ModelCatalog.Role> roles,
                       List<RunRecord> runs) {
        this(task, trainFraction, models, roles, runs, Map.of());
    }

    /** A table whose ranking metrics (task ranking) come from {@code rankingMetrics}, by run id and metric name. */
    public ResultTable(PredictionTask task, double trainFraction, List<String> models, Map<String, ModelCatalog.Role> roles,
                       List<RunRecord> runs, Map<Long, Map<String, Double>> rankingMetrics) {
        this.rankingMetrics = rankingMetrics;
        this.task = task;
        this.trainFraction = trainFraction;
        this.models = models;
        this.roles = roles;
        this.gainInterval = null;
        for (String m : models) {
            List<RunRecord> done = new ArrayList<>();
            for (RunRecord r : runs) {
                if (r.model().equals(m) && r.trainFraction() == trainFraction && "done".equals(r.status())) {
                    done.add(r);
                }
            }
            done.sort(Comparator.comparingInt(RunRecord::repeat));
            runsByModel.put(m, done);
        }
    }

    private ResultTable(ResultTable table, ConsumerBootstrap.Interval gainInterval) {
        this.task = table.task;
        this.trainFraction = table.trainFraction;
        this.models = table.models;
        this.roles = table.roles;
        this.runsByModel.putAll(table.runsByModel);
        this.rankingMetrics = table.rankingMetrics;
        this.gainInterval = gainInterval;
    }

    /**
     * This table with the 95% bootstrap interval of LR-Recsys' gain over the best baseline (computed by the
     * experiment on the repeat-averaged predictions), printed under the comparison and exported.
     */
    public ResultTable withGainInterval(ConsumerBootstrap.Interval interval) {
        return new ResultTable(this, interval);
    }

    public Optional<ConsumerBootstrap.Interval> gainInterval() {
        return Optional.ofNullable(gainInterval);
    }

    public List<Metric> metrics() {
        if (task == PredictionTask.RANKING) {
            return RankingMetrics.NAMES.stream().map(name -> new Metric(name,
                    (RunRecord r) -> rankingMetrics.getOrDefault(r.id(), Map.of()).get(name), false)).toList();
        }
        return task == PredictionTask.REGRESSION
                ? List.of(new Metric("RMSE", RunRecord::rmse, true), new Metric("MAE", RunRecord::mae, true),
                new Metric("RMSE (orig. scale)", RunRecord::rmseOrig, true), new Metric("MAE (orig. scale)", RunRecord::maeOrig, true))
                : List.of(new Metric("AUC", RunRecord::auc, false));
    }

    /** The metric that picks the best baseline: RMSE, AUC, or HR@10 for ranking. */
    public Metric primary() {
        return task == PredictionTask.RANKING ? metric("HR@10") : metrics().get(0);
    }

    /** The metrics the comparison lines are printed for: the primary one, and NDCG@10 beside HR@10 for ranking. */
    public List<Metric> compared() {
        return task == PredictionTask.RANKING ? List.of(metric("HR@10"), metric("NDCG@10")) : List.of(primary());
    }

    private Metric metric(String name) {
        return metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    public double trainFraction() {
        return trainFraction;
    }

    public double[] values(String model, Metric metric) {
        return runsByModel.get(model).stream().map(metric.read()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).toArray();
    }

    /** The baseline with the best mean primary metric, if any baseline finished. */
    public Optional<String> bestBaseline() {
        Metric p = primary();
        return models.stream()
                .filter(m -> roles.get(m) == ModelCatalog.Role.BASELINE && values(m, p).length > 0)
                .min(Comparator.comparingDouble(m -> (p.lowerIsBetter() ? 1 : -1) * RepeatStatistics.mean(values(m, p))));
    }

    public Optional<Comparison> comparison() {
        return comparison(primary());
    }

    /** LR-Recsys against the best baseline (picked by the primary metric) on {@code metric}. */
    public Optional<Comparison> comparison(Metric metric) {
        return bestBaseline().flatMap(b -> comparisonWith(b, metric));
    }

    /**
     * LR-Recsys against the negative control (the same network on explanation codes shuffled across samples),
     * when both ran: the part of a gain that the explanations' content, not the extra inputs, earns.
     */
    public Optional<Comparison> controlComparison() {
        return controlComparison(primary());
    }

    /** LR-Recsys against the shuffled-explanations control on {@code metric}, when both ran. */
    public Optional<Comparison> controlComparison(Metric metric) {
        return models.contains(ModelCatalog.SHUFFLED) ? comparisonWith(ModelCatalog.SHUFFLED, metric) : Optional.empty();
    }

    private Optional<Comparison> comparisonWith(String other, Metric p) {
        if (!models.contains(ModelCatalog.LR_RECSYS) || values(ModelCatalog.LR_RECSYS, p).length == 0
                || values(other, p).length == 0) {
            return Optional.empty();
        }
        double[] ours = values(ModelCatalog.LR_RECSYS, p);
        double[] theirs = values(other, p);
        double base = RepeatStatistics.mean(theirs);
        double diff = p.lowerIsBetter() ? base - RepeatStatistics.mean(ours) : RepeatStatistics.mean(ours) - base;
        int pairs = Math.min(ours.length, theirs.length);
        double pValue = RepeatStatistics.pairedTTestP(java.util.Arrays.copyOf(ours, pairs),
                java.util.Arrays.copyOf(theirs, pairs));
        return Optional.of(new Comparison(other, 100 * diff / base, pValue, pairs));
    }

    /**
     * The mean over the finished repeats of the epochs each run used: the best validation epoch under early
     * stopping, else every epoch; NaN before any run finished.
     */
    public double epochsUsed(String model) {
        return RepeatStatistics.mean(runsByModel.get(model).stream().mapToDouble(RunRecord::epochs).toArray());
    }

    private String epochsText(String model) {
        return runsByModel.get(model).isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", epochsUsed(model));
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "### %s, training fraction %s%n%n", task.name().toLowerCase(Locale.ROOT),
                fraction(trainFraction)));
        b.append("| model | role | runs | epochs |");
        metrics().forEach(m -> b.append(' ').append(m.name()).append(" |"));
        b.append(System.lineSeparator()).append("|---|---|---|---|");
        metrics().forEach(m -> b.append("---|"));
        b.append(System.lineSeparator());
        for (String m : models) {
            b.append("| ").append(m).append(" | ").append(role(m)).append(" | ").append(runsByModel.get(m).size())
                    .append(" | ").append(epochsText(m)).append(" |");
            for (Metric metric : metrics()) {
                b.append(' ').append(RepeatStatistics.meanSd(values(m, metric))).append(" |");
            }
            b.append(System.lineSeparator());
        }
        b.append(System.lineSeparator()).append(summary()).append(System.lineSeparator());
        return b.toString();
    }

    /**
     * The improvement over the best baseline and its significance (or why there is none), then, when the
     * shuffled-explanations control ran, the same against it on a second line.
     */
    public String summary() {
        List<String> lines = new ArrayList<>();
        for (Metric metric : compared()) {
            Optional<Comparison> c = comparison(metric);
            if (c.isPresent()) {
                lines.add(line("best baseline (" + c.get().bestBaseline() + ")", c.get(), metric));
                if (gainInterval != null && metric.name().equals(compared().get(0).name())) {
                    lines.add(intervalLine(c.get().bestBaseline()));
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add("No comparison: it needs lr-recsys and at least one baseline (id-only, mf, sasrec) with "
                    + "finished runs.");
        }
        for (Metric metric : compared()) {
            controlComparison(metric).ifPresent(x -> lines.add(line("shuffled explanations", x, metric)));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private String line(String against, Comparison x, Metric metric) {
        return String.format(Locale.ROOT, "LR-Recsys vs %s on %s: %+.2f%% improvement; paired t-test over %d repeats: p = %s",
                against, metric.name(), x.improvementPercent(), x.pairs(),
                Double.isNaN(x.pValue()) ? "n/a (needs 2+ repeats with varying differences)"
                        : String.format(Locale.ROOT, "%.4g", x.pValue()));
    }

    private String intervalLine(String best) {
        // The interval is about the repeat-averaged predictions (an ensemble of the repeats), whose gain is not the
        // mean of the per-repeat gains above: its own point estimate is printed with it.
        return String.format(Locale.ROOT, "95%% bootstrap interval of the gain over %s (resampling consumers, %d "
                + "resamples): [%+.2f%%, %+.2f%%] around %+.2f%%, the gain of the predictions averaged over the repeats",
                best, gainInterval.resamples(), gainInterval.low(), gainInterval.high(), gainInterval.gainPercent());
    }

    /** CSV rows (no header) of this fraction; see {@link #csvHeader()}. */
    public List<String> csvRows() {
        List<String> rows = new ArrayList<>();
        Optional<Comparison> c = comparison();
        for (String m : models) {
            StringBuilder b = new StringBuilder();
            b.append(fraction(trainFraction)).append(',').append(m).append(',').append(role(m)).append(',')
                    .append(runsByModel.get(m).size()).append(',')
                    .append(runsByModel.get(m).isEmpty() ? "" : number(epochsUsed(m)));
            for (Metric metric : allMetrics()) {
                boolean measured = metrics().stream().anyMatch(x -> x.name().equals(metric.name()));
                double[] v = measured ? values(m, metric) : new double[0];
                b.append(',').append(v.length == 0 ? "" : number(RepeatStatistics.mean(v)))
                        .append(',').append(v.length == 0 ? "" : number(RepeatStatistics.sd(v)));
            }
            boolean ours = m.equals(ModelCatalog.LR_RECSYS) && c.isPresent();
            b.append(',').append(ours ? c.get().bestBaseline() : "")
                    .append(',').append(ours ? number(c.get().improvementPercent()) : "")
                    .append(',').append(ours && !Double.isNaN(c.get().pValue()) ? number(c.get().pValue()) : "");
            boolean interval = ours && gainInterval != null;
            b.append(',').append(interval ? number(gainInterval.low()) : "")
                    .append(',').append(interval ? number(gainInterval.high()) : "");
            rows.add(b.toString());
        }
        return rows;
    }

    public static String csvHeader() {
        return "train_fraction,model,role,runs,epochs_mean,rmse_mean,rmse_sd,mae_mean,mae_sd,rmse_orig_mean,rmse_orig_sd,"
                + "mae_orig_mean,mae_orig_sd,auc_mean,auc_sd,hr5_mean,hr5_sd,hr10_mean,hr10_sd,hr20_mean,hr20_sd,"
                + "ndcg5_mean,ndcg5_sd,ndcg10_mean,ndcg10_sd,ndcg20_mean,ndcg20_sd,best_baseline,improvement_pct,p_value,"
                + "gain_ci_low_pct,gain_ci_high_pct";
    }

    private List<Metric> allMetrics() {
        List<Metric> all = new ArrayList<>(List.of(new Metric("RMSE", RunRecord::rmse, true), new Metric("MAE", RunRecord::mae, true),
                new Metric("RMSE (orig. scale)", RunRecord::rmseOrig, true),
                new Metric("MAE (orig. scale)", RunRecord::maeOrig, true), new Metric("AUC", RunRecord::auc, false)));
        for (String name : RankingMetrics.NAMES) {
            all.add(new Metric(name, (RunRecord r) -> rankingMetrics.getOrDefault(r.id(), Map.of()).get(name), false));
        }
        return all;
    }

    private String role(String model) {
        return roles.get(model).label();
    }

    static String fraction(double f) {
        return String.format(Locale.ROOT, "%s", f);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
