package dev.lrrecsys.workbench.ui.uncertainty;

import dev.lrrecsys.workbench.evaluate.UncertaintyAnalysis;
import dev.lrrecsys.workbench.evaluate.UncertaintyAnalysis.Definition;
import dev.lrrecsys.workbench.insight.BinnedMeans;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.ExperimentRepository.UncertaintyRow;
import dev.lrrecsys.workbench.store.RunBrowseRepository;
import dev.lrrecsys.workbench.store.RunBrowseRepository.ExperimentItem;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.ReadJob;
import dev.lrrecsys.workbench.ui.RunChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The uncertainty-vs-gain view's state (paper's Figure 6): per-sample points, the least-squares fit and binned means. */
public final class UncertaintyViewModel {

    static final int BINS = 10;

    /**
     * What the scatter draws: the samples whose uncertainty under the chosen definition is known, aligned arrays.
     */
    public record Scatter(long[] sampleIds, double[] uncertainty, double[] gain, UncertaintyAnalysis.Fit fit,
                          BinnedMeans binned) {

        /** Keeps the rows whose uncertainty under {@code definition} was measured. */
        static Scatter of(List<UncertaintyRow> rows, Definition definition) {
            List<UncertaintyRow> kept = rows.stream().filter(r -> !Double.isNaN(value(r, definition))).toList();
            long[] ids = kept.stream().mapToLong(UncertaintyRow::sampleId).toArray();
            double[] u = kept.stream().mapToDouble(r -> value(r, definition)).toArray();
            double[] g = kept.stream().mapToDouble(UncertaintyRow::gain).toArray();
            return new Scatter(ids, u, g, UncertaintyAnalysis.fit(u, g), BinnedMeans.of(u, g, BINS));
        }

        private static double value(UncertaintyRow r, Definition definition) {
            return definition == Definition.ALL_MODELS ? r.uncertainty() : r.uncertaintyBaselines();
        }
    }

    private final Background background;
    private final Database database;
    private final Consumer<Throwable> errors;
    private final RunBrowseRepository browse = new RunBrowseRepository();
    private final ExperimentRepository experiments = new ExperimentRepository();
    private final RunChoice<ExperimentItem> experiment = RunChoice.firstByDefault(ExperimentItem::id, this::loadFractions);
    // The largest training fraction by default: the paper's main setting.
    private final RunChoice<Double> fraction = new RunChoice<>(f -> f, list -> list.get(list.size() - 1), this::loadScatter);
    private final ObjectProperty<Scatter> scatter = new SimpleObjectProperty<>();
    private final StringProperty fitText = new SimpleStringProperty("");
    private final ObjectProperty<Definition> definition = new SimpleObjectProperty<>(Definition.ALL_MODELS);
    private final BooleanProperty empty = new SimpleBooleanProperty(false);
    private final LatestOnly loader = new LatestOnly();

    public UncertaintyViewModel(Background background, Database database, Consumer<Throwable> errors) {
        this.background = background;
        this.database = database;
        this.errors = errors;
        definition.addListener((o, was, now) -> loadScatter());
    }

    private record Listing(List<ExperimentItem> withUncertainty) {
    }

    public void refresh() {
        loader.load(background, new ReadJob<>("Experiments with uncertainty", database, tx -> {
            List<ExperimentItem> all = browse.experiments(tx);
            List<ExperimentItem> with = new java.util.ArrayList<>();
            for (ExperimentItem e : all) {
                if (!experiments.uncertaintyFractions(tx, e.id()).isEmpty()) {
                    with.add(e);
                }
            }
            return new Listing(with);
        }), l -> {
            empty.set(l.withUncertainty().isEmpty());
            experiment.offer(l.withUncertainty());
        }, errors);
    }

    private void loadFractions() {
        ExperimentItem e = experiment.chosen();
        if (e == null) {
            fraction.clear();
            scatter.set(null);
            return;
        }
        loader.load(background, new ReadJob<>("Uncertainty fractions", database, tx -> experiments.uncertaintyFractions(tx, e.id())), list -> {
            fraction.offer(list);
        }, errors);
    }

    private void loadScatter() {
        ExperimentItem e = experiment.chosen();
        Double f = fraction.chosen();
        if (e == null || f == null) {
            scatter.set(null);
            return;
        }
        Definition chosen = definition.get();
        loader.load(background, new ReadJob<>("Uncertainty vs gain", database,
                tx -> Scatter.of(experiments.uncertainty(tx, e.id(), f), chosen)), s -> {
            scatter.set(s);
            fitText.set(describe(s, chosen));
        }, errors);
    }

    static String describe(Scatter s, Definition chosen) {
        if (s.fit().n() == 0) {
            return "Uncertainty over " + chosen.label() + " was not measured in this experiment: it needs two "
                    + "baselines, and experiments stored by earlier versions have only the paper's definition.";
        }
        return String.format(Locale.ROOT, "uncertainty over %s; least squares: gain = %.4g + %.4g x uncertainty;  "
                        + "slope p-value %s;  n = %d", chosen.label(), s.fit().intercept(), s.fit().slope(),
                Double.isNaN(s.fit().pValue()) ? "n/a" : String.format(Locale.ROOT, "%.3g", s.fit().pValue()), s.fit().n());
    }

    public RunChoice<ExperimentItem> experiment() {
        return experiment;
    }

    public RunChoice<Double> fraction() {
        return fraction;
    }

    public ObjectProperty<Scatter> scatterProperty() {
        return scatter;
    }

    public StringProperty fitTextProperty() {
        return fitText;
    }

    /** Which models' disagreement is the uncertainty: the paper's (all models) or the baselines only. */
    public ObjectProperty<Definition> definitionProperty() {
        return definition;
    }

    public BooleanProperty emptyProperty() {
        return empty;
    }
}
