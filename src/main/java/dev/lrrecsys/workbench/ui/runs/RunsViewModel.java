package dev.lrrecsys.workbench.ui.runs;

import dev.lrrecsys.workbench.evaluate.ModelCatalog;
import dev.lrrecsys.workbench.evaluate.RepeatStatistics;
import dev.lrrecsys.workbench.evaluate.ResultTable;
import dev.lrrecsys.workbench.evaluate.ExperimentSettings;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.RunBrowseRepository;
import dev.lrrecsys.workbench.store.RunBrowseRepository.ExperimentItem;
import dev.lrrecsys.workbench.store.RunRecord;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.ReadJob;
import dev.lrrecsys.workbench.ui.RunChoice;
import dev.lrrecsys.workbench.insight.ExperimentComparison;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Runs view's state: the Table-2-style comparison of one experiment and fraction, its runs and a run's curve. */
public final class RunsViewModel {

    /** One line of the comparison table: model, role, number of runs, "mean (sd)" per metric. */
    public record ResultRow(String model, String role, int runs, List<String> cells) {
    }

    static final String NO_COMPARISON = "Pick a second experiment under \"Compare with\" to see both side by side.";

    private final Background background;
    private final Database database;
    private final Consumer<Throwable> errors;
    private final RunBrowseRepository browse = new RunBrowseRepository();
    private final ExperimentRepository experiments = new ExperimentRepository();
    private final ObservableList<ExperimentItem> experimentItems = FXCollections.observableArrayList();
    private final ObjectProperty<ExperimentItem> experiment = new SimpleObjectProperty<>();
    private final ObservableList<Double> fractions = FXCollections.observableArrayList();
    private final ObjectProperty<Double> fraction = new SimpleObjectProperty<>();
    private final ObservableList<String> metricNames = FXCollections.observableArrayList();
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunRecord> selectedRun = new SimpleObjectProperty<>();
    private final ObservableList<double[]> curve = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty empty = new SimpleBooleanProperty(false);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final LatestOnly listLoader = new LatestOnly();
    private final LatestOnly tableLoader = new LatestOnly();
    private final LatestOnly curveLoader = new LatestOnly();
    private final LatestOnly comparisonLoader = new LatestOnly();
    // No second experiment until one is picked: the fallback picks none.
    private final RunChoice<ExperimentItem> compareExperiment = new RunChoice<>(ExperimentItem::id, list -> null, this::offerCompareFractions);
    private final RunChoice<Double> compareFraction = new RunChoice<>(f -> f, list -> list.get(list.size() - 1), this::loadComparison);
    private final ObservableList<ExperimentComparison.Row> comparison = FXCollections.observableArrayList();
    private final StringProperty comparisonTitle = new SimpleStringProperty(NO_COMPARISON);

    public RunsViewModel(Background background, Database database, Consumer<Throwable> errors) {
        this.background = background;
        this.database = database;
        this.errors = errors;
        experiment.addListener((o, was, now) -> {
            if (now != null) {
                fractions.setAll(ExperimentSettings.parseFractions(now.fractions()));
                fraction.set(fractions.isEmpty() ? null : fractions.get(fractions.size() - 1));
            }
            loadTable();
        });
        fraction.addListener((o, was, now) -> loadTable());
        selectedRun.addListener((o, was, now) -> loadCurve());
    }

    public void refresh() {
        listLoader.load(background, new ReadJob<>("Experiments", database, browse::experiments), list -> {
            ExperimentItem chosen = experiment.get();
            experimentItems.setAll(list);
            compareExperiment.offer(list);
            empty.set(list.isEmpty());
            ExperimentItem next = list.stream().filter(e -> chosen != null && e.id() == chosen.id()).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0));
            if (next != null && chosen != null && next.id() == chosen.id()) {
                experiment.set(next);
                loadTable();
            } else {
                experiment.set(next);
            }
        }, errors);
    }

    private record Table(List<String> metrics, List<ResultRow> rows, String summary, List<RunRecord> runs) {
    }

    private void loadTable() {
        ExperimentItem e = experiment.get();
        Double f = fraction.get();
        loadComparison();
        if (e == null || f == null) {
            rows.clear();
            runs.clear();
            return;
        }
        running.set("running".equals(e.status()));
        tableLoader.load(background, new ReadJob<>("Result table", database, tx -> table(experiments.runs(tx, e.id()),
                new dev.lrrecsys.workbench.store.RankingCandidateRepository().metrics(tx, e.id()), e, f)), t -> {
            metricNames.setAll(t.metrics());
            rows.setAll(t.rows());
            summary.set(inWords(t.summary()));
            long selected = selectedRun.get() == null ? -1 : selectedRun.get().id();
            runs.setAll(t.runs());
            t.runs().stream().filter(r -> r.id() == selected).findFirst().ifPresentOrElse(r -> {
                selectedRun.set(r);
                loadCurve();
            }, () -> selectedRun.set(t.runs().isEmpty() ? null : t.runs().get(t.runs().size() - 1)));
        }, errors);
    }

    private static final Pattern SIGNED_IMPROVEMENT =
            Pattern.compile("([+-])(\\d+(?:\\.\\d+)?)% improvement");

    /**
     * The experiment summary as the window says it: "better by 2.10%" or "worse by 3.03%" instead of the signed
     * "-3.03% improvement" that `lrw experiment` prints (scripts read that figure, people misread its sign).
     */
    static String inWords(String summary) {
        Matcher m = SIGNED_IMPROVEMENT.matcher(summary);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean zero = Double.parseDouble(m.group(2)) == 0;
            String words = zero ? "no difference (0.00%)" : ("-".equals(m.group(1)) ? "worse by " : "better by ") + m.group(2) + "%";
            m.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> models(ExperimentItem e) {
        return List.of(e.models().split(","));
    }

    private static Map<String, ModelCatalog.Role> roles(List<String> models) {
        Map<String, ModelCatalog.Role> roles = new HashMap<>();
        for (String m : models) {
            roles.put(m, m.equals(ModelCatalog.LR_RECSYS) ? ModelCatalog.Role.LR_RECSYS : role(m));
        }
        return roles;
    }

    private static ResultTable resultTable(List<RunRecord> all, ExperimentItem e, double f) {
        return resultTable(all, Map.of(), e, f);
    }

    /** {@code rankingMetrics}: HR@K and NDCG@K by run id, for experiments of task ranking. */
    private static ResultTable resultTable(List<RunRecord> all, Map<Long, Map<String, Double>> rankingMetrics,
                                           ExperimentItem e, double f) {
        PredictionTask task = PredictionTask.valueOf(e.task().toUpperCase(java.util.Locale.ROOT));
        return new ResultTable(task, f, models(e), roles(models(e)), all, rankingMetrics);
    }

    static Table table(List<RunRecord> all, ExperimentItem e, double f) {
        return table(all, Map.of(), e, f);
    }

    static Table table(List<RunRecord> all, Map<Long, Map<String, Double>> rankingMetrics, ExperimentItem e, double f) {
        List<String> models = models(e);
        Map<String, ModelCatalog.Role> roles = roles(models);
        ResultTable table = resultTable(all, rankingMetrics, e, f);
        List<ResultRow> out = new ArrayList<>();
        for (String m : models) {
            List<String> cells = new ArrayList<>();
            int n = 0;
            for (ResultTable.Metric metric : table.metrics()) {
                double[] v = table.values(m, metric);
                n = Math.max(n, v.length);
                cells.add(v.length == 0 ? "" : RepeatStatistics.meanSd(v));
            }
            out.add(new ResultRow(m, roles.get(m).label(), n, cells));
        }
        List<RunRecord> ofFraction = all.stream().filter(r -> r.trainFraction() == f).toList();
        return new Table(table.metrics().stream().map(ResultTable.Metric::name).toList(), out, table.summary(), ofFraction);
    }

    private static ModelCatalog.Role role(String model) {
        try {
            return ModelCatalog.standard().get(model).role();
        } catch (RuntimeException unknown) {
            // A model this build no longer offers still shows its stored runs, as a variant.
            return ModelCatalog.Role.VARIANT;
        }
    }

    private void offerCompareFractions() {
        ExperimentItem e = compareExperiment.chosen();
        compareFraction.offer(e == null ? List.of() : ExperimentSettings.parseFractions(e.fractions()));
    }

    /** The chosen experiment and fraction against the second pick: both Table-2 rows and the differences. */
    private void loadComparison() {
        ExperimentItem first = experiment.get();
        Double firstFraction = fraction.get();
        ExperimentItem second = compareExperiment.chosen();
        Double secondFraction = compareFraction.chosen();
        if (first == null || firstFraction == null || second == null || secondFraction == null) {
            comparison.clear();
            comparisonTitle.set(NO_COMPARISON);
            return;
        }
        comparisonLoader.load(background, new ReadJob<>("Compare experiments", database, tx -> ExperimentComparison.of(
                resultTable(experiments.runs(tx, first.id()), first, firstFraction), models(first),
                resultTable(experiments.runs(tx, second.id()), second, secondFraction), models(second))), rows -> {
            comparison.setAll(rows);
            comparisonTitle.set(String.format(java.util.Locale.ROOT, "First: experiment %d at %.2f;  second: experiment %d at %.2f;  "
                    + "difference = second mean - first mean", first.id(), firstFraction, second.id(), secondFraction));
        }, errors);
    }

    public RunChoice<ExperimentItem> compareExperiment() {
        return compareExperiment;
    }

    public RunChoice<Double> compareFraction() {
        return compareFraction;
    }

    public ObservableList<ExperimentComparison.Row> comparison() {
        return comparison;
    }

    public StringProperty comparisonTitleProperty() {
        return comparisonTitle;
    }

    private void loadCurve() {
        RunRecord r = selectedRun.get();
        if (r == null) {
            curve.clear();
            return;
        }
        curveLoader.load(background, new ReadJob<>("Training curve", database, tx -> experiments.curve(tx, r.id())), curve::setAll, errors);
    }

    public ObservableList<ExperimentItem> experiments() {
        return experimentItems;
    }

    public ObjectProperty<ExperimentItem> experimentProperty() {
        return experiment;
    }

    public ObservableList<Double> fractions() {
        return fractions;
    }

    public ObjectProperty<Double> fractionProperty() {
        return fraction;
    }

    public ObservableList<String> metricNames() {
        return metricNames;
    }

    public ObservableList<ResultRow> rows() {
        return rows;
    }

    public ObservableList<RunRecord> runs() {
        return runs;
    }

    public ObjectProperty<RunRecord> selectedRunProperty() {
        return selectedRun;
    }

    public ObservableList<double[]> curve() {
        return curve;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty emptyProperty() {
        return empty;
    }

    public BooleanProperty runningProperty() {
        return running;
    }
}
