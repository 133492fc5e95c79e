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

/** The Runs view's state: the Table-2-style comparison of one experiment and fraction, its runs and a run's curve. */
public final class RunsViewModel {

    /** One line of the comparison table: model, role, number of runs, "mean (sd)" per metric. */
    public record ResultRow(String model, String role, int runs, List<String> cells) {
    }

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
        if (e == null || f == null) {
            rows.clear();
            runs.clear();
            return;
        }
        running.set("running".equals(e.status()));
        tableLoader.load(background, new ReadJob<>("Result table", database, tx -> table(experiments.runs(tx, e.id()), e, f)), t -> {
            metricNames.setAll(t.metrics());
            rows.setAll(t.rows());
            summary.set(t.summary());
            long selected = selectedRun.get() == null ? -1 : selectedRun.get().id();
            runs.setAll(t.runs());
            t.runs().stream().filter(r -> r.id() == selected).findFirst().ifPresentOrElse(r -> {
                selectedRun.set(r);
                loadCurve();
            }, () -> selectedRun.set(t.runs().isEmpty() ? null : t.runs().get(t.runs().size() - 1)));
        }, errors);
    }

    static Table table(List<RunRecord> all, ExperimentItem e, double f) {
        PredictionTask task = PredictionTask.valueOf(e.task().toUpperCase(java.util.Locale.ROOT));
        List<String> models = List.of(e.models().split(","));
        Map<String, ModelCatalog.Role> roles = new HashMap<>();
        for (String m : models) {
            roles.put(m, m.equals(ModelCatalog.LR_RECSYS) ? ModelCatalog.Role.LR_RECSYS : role(m));
        }
        ResultTable table = new ResultTable(task, f, models, roles, all);
        List<ResultRow> out = new ArrayList<>();
        for (String m : models) {
            List<String> cells = new ArrayList<>();
            int n = 0;
            for (ResultTable.Metric metric : table.metrics()) {
                double[] v = table.values(m, metric);
                n = Math.max(n, v.length);
                cells.add(v.length == 0 ? "" : RepeatStatistics.meanSd(v));
            }
            out.add(new ResultRow(m, roles.get(m).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), n, cells));
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
