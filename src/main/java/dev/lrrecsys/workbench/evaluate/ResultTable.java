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

    public ResultTable(PredictionTask task, double trainFraction, List<String> models, Map<String, ModelCatalog.Role> roles,
                       List<RunRecord> runs) {
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
        return task == PredictionTask.REGRESSION
                ? List.of(new Metric("RMSE", RunRecord::rmse, true), new Metric("MAE", RunRecord::mae, true),
                new Metric("RMSE (orig. scale)", RunRecord::rmseOrig, true), new Metric("MAE (orig. scale)", RunRecord::maeOrig, true))
                : List.of(new Metric("AUC", RunRecord::auc, false));
    }

    public Metric primary() {
        return metrics().get(0);
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
        return bestBaseline().flatMap(this::comparisonWith);
    }

    /**
     * LR-Recsys against the negative control (the same network on explanation codes shuffled across samples),
     * when both ran: the part of a gain that the explanations' content, not the extra inputs, earns.
     */
    public Optional<Comparison> controlComparison() {
        return models.contains(ModelCatalog.SHUFFLED) ? comparisonWith(ModelCatalog.SHUFFLED) : Optional.empty();
    }

    private Optional<Comparison> comparisonWith(String other) {
        Metric p = primary();
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
        Optional<Comparison> c = comparison();
        String best = c.map(x -> line("best baseline (" + x.bestBaseline() + ")", x)
                        + (gainInterval == null ? "" : System.lineSeparator() + intervalLine(x.bestBaseline())))
                .orElse("No comparison: it needs lr-recsys and at least one baseline (id-only, mf, sasrec) with "
                        + "finished runs.");
        return controlComparison().map(x -> best + System.lineSeparator() + line("shuffled explanations", x)).orElse(best);
    }

    private String line(String against, Comparison x) {
        return String.format(Locale.ROOT, "LR-Recsys vs %s on %s: %+.2f%% improvement; paired t-test over %d repeats: p = %s",
                against, primary().name(), x.improvementPercent(), x.pairs(),
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
                double[] v = task == PredictionTask.REGRESSION || metric.name().equals("AUC") ? values(m, metric) : new double[0];
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
                + "mae_orig_mean,mae_orig_sd,auc_mean,auc_sd,best_baseline,improvement_pct,p_value,"
                + "gain_ci_low_pct,gain_ci_high_pct";
    }

    private static List<Metric> allMetrics() {
        return List.of(new Metric("RMSE", RunRecord::rmse, true), new Metric("MAE", RunRecord::mae, true),
                new Metric("RMSE (orig. scale)", RunRecord::rmseOrig, true),
                new Metric("MAE (orig. scale)", RunRecord::maeOrig, true), new Metric("AUC", RunRecord::auc, false));
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
