package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.evaluate.ComputeDevice;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.RunBrowseRepository;
import dev.lrrecsys.workbench.store.RunRecord;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.NamedJob;
import dev.lrrecsys.workbench.ui.ReadJob;
import dev.lrrecsys.workbench.ui.WorkbenchPreferences;
import dev.lrrecsys.workbench.workflow.TrainAndEvaluate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The training settings dialog without its controls: task, models, epochs (the most), early stopping's patience
 * and validation fraction, weight decay and dropout, repeats, training fraction, whose
 * explanations feed the models and which of their pair variants (contrastive or concise), and the backend that will train (detected in the background: loading ND4J takes a
 * few seconds). It starts from the workflow's defaults, the same as `lrw experiment`.
 */
public final class TrainingSettingsViewModel {

    private final TrainAndEvaluate.Settings defaults;
    private final ObjectProperty<PredictionTask> task = new SimpleObjectProperty<>();
    private final ObservableList<String> available;
    private final ObservableList<String> chosen;
    private final IntegerProperty epochs = new SimpleIntegerProperty();
    private final IntegerProperty repeats = new SimpleIntegerProperty();
    private final IntegerProperty patience = new SimpleIntegerProperty();
    private final StringProperty validationFraction = new SimpleStringProperty();
    private final StringProperty weightDecay = new SimpleStringProperty();
    private final StringProperty dropout = new SimpleStringProperty();
    private final StringProperty fractions = new SimpleStringProperty();
    private final ObservableList<KeywordRepository.Source> sources = FXCollections.observableArrayList();
    private final ObjectProperty<KeywordRepository.Source> source = new SimpleObjectProperty<>();
    private final ObservableList<String> candidateSources = FXCollections.observableArrayList();
    private final ObjectProperty<String> candidateSource = new SimpleObjectProperty<>(AUTOMATIC);
    private final ObservableList<String> variants = FXCollections.observableArrayList(
            Variant.pairs().stream().map(Variant::key).toList());
    private final StringProperty variant = new SimpleStringProperty();
    private final StringProperty backend = new SimpleStringProperty("detecting...");
    private final StringProperty estimate = new SimpleStringProperty("Estimate: timing earlier runs...");
    private TrainingEstimate timing = TrainingEstimate.none();

    /** The ranking candidates' explanation source left to the workflow's default (the CLI without the flag). */
    public static final String AUTOMATIC = "automatic";

    public TrainingSettingsViewModel(TrainAndEvaluate.Settings defaults) {
        this.defaults = defaults;
        task.set(defaults.task());
        available = FXCollections.observableArrayList(defaults.models());
        chosen = FXCollections.observableArrayList(defaults.models());
        epochs.set(defaults.epochs());
        repeats.set(defaults.repeats());
        patience.set(defaults.patience());
        validationFraction.set(String.valueOf(defaults.validationFraction()));
        weightDecay.set(String.valueOf(defaults.weightDecay()));
        dropout.set(String.valueOf(defaults.dropout()));
        fractions.set(defaults.trainFractions().stream().map(String::valueOf).collect(Collectors.joining(",")));
        source.set(new KeywordRepository.Source(defaults.generator(), defaults.generatorModel()));
        sources.add(source.get());
        candidateSources.add(AUTOMATIC);
        candidateSources.addAll(TrainAndEvaluate.Ranking.SOURCES);
        String chosenSource = defaults.ranking().candidateExplanations();
        candidateSource.set(chosenSource == null ? AUTOMATIC : chosenSource);
        variant.set(defaults.variant());
        chosen.addListener((javafx.collections.ListChangeListener<String>) c -> estimate());
        epochs.addListener((o, was, now) -> estimate());
        repeats.addListener((o, was, now) -> estimate());
        fractions.addListener((o, was, now) -> estimate());
    }

    /** Puts back the choices of the last training from the window (models this build lacks are left out). */
    public void restore(WorkbenchPreferences.TrainingChoices last) {
        if (last == null) {
            return;
        }
        try {
            task.set(PredictionTask.valueOf(last.task()));
        } catch (IllegalArgumentException renamed) {
            // A task from another version: keep the default.
        }
        List<String> known = last.models().stream().filter(available::contains).toList();
        if (!known.isEmpty()) {
            chosen.setAll(known);
        }
        epochs.set(last.epochs());
        repeats.set(last.repeats());
        fractions.set(last.fractions());
    }

    /** What the dialog remembers for next time. */
    public WorkbenchPreferences.TrainingChoices choices() {
        return new WorkbenchPreferences.TrainingChoices(task.get().name(), List.copyOf(chosen), epochs.get(),
                repeats.get(), fractions.get());
    }

    /** Times each model from this project's earlier runs, for the dialog's estimate. */
    public void loadTimings(Background background, Project project) {
        background.load(new ReadJob<>("Earlier run times", project.database(), tx -> {
            List<RunRecord> runs = new java.util.ArrayList<>();
            for (RunBrowseRepository.ExperimentItem e : new RunBrowseRepository().experiments(tx)) {
                runs.addAll(new ExperimentRepository().runs(tx, e.id()));
            }
            return TrainingEstimate.fromRuns(runs);
        }), found -> {
            timing = found;
            estimate();
        }, e -> estimate.set("Estimate: n/a (" + e.getMessage() + ")"));
    }

    private void estimate() {
        try {
            estimate.set(timing.describe(chosen, epochs.get(), repeats.get(),
                    TrainAndEvaluate.Settings.parseFractions(fractions.get())));
        } catch (RuntimeException badFractions) {
            estimate.set("Estimate: n/a until the training fractions read as numbers");
        }
    }

    /** The dialog as it opens: the workflow's defaults, as `lrw experiment` with no options. */
    public static TrainingSettingsViewModel withDefaults() {
        return new TrainingSettingsViewModel(TrainAndEvaluate.Settings.defaults());
    }

    public void detectBackend(Background background) {
        background.load(new NamedJob<>("Detect compute backend", c -> ComputeDevice.detect()),
                d -> backend.set(d.backend() + " on " + d.device()),
                e -> backend.set("cannot load ND4J: " + e.getMessage()));
    }

    /** Offers every generator/model whose explanations the project holds (the default stays first when it has none). */
    public void loadSources(Background background, Project project) {
        background.load(new ReadJob<>("Explanation sources", project.database(), tx -> new KeywordRepository().indexableSources(tx)),
                found -> found.stream().filter(s -> !sources.contains(s)).forEach(sources::add), e -> { });
    }

    /** The workflow's settings (validated there, whose messages name the setting to fix). */
    public TrainAndEvaluate.Settings settings() {
        KeywordRepository.Source from = source.get();
        return new TrainAndEvaluate.Settings(task.get(), List.copyOf(chosen), repeats.get(), epochs.get(),
                TrainAndEvaluate.Settings.parseValidationFraction(validationFraction.get()), patience.get(),
                defaults.autoencoderEpochs(), defaults.batchSize(), defaults.learningRate(), defaults.seed(),
                TrainAndEvaluate.Settings.parseFractions(fractions.get()), from.generator(), from.model(), false,
                TrainAndEvaluate.Settings.parseNumber("weight decay", "0.0001", weightDecay.get()),
                TrainAndEvaluate.Settings.parseNumber("dropout", "0.1", dropout.get()),
                new TrainAndEvaluate.Ranking(AUTOMATIC.equals(candidateSource.get()) ? null : candidateSource.get(),
                        defaults.ranking().allowLlmCalls()), variant.get());
    }

    /** "Automatic", "generate", "nearest", "pool" as the dialog words them. */
    public static String candidateSourceLabel(String source) {
        return switch (source) {
            case AUTOMATIC -> "Automatic (pool when the explanations were made with a pool)";
            case TrainAndEvaluate.Ranking.GENERATE -> "Written by the generator";
            case TrainAndEvaluate.Ranking.NEAREST -> "Nearest stored sample of the same product";
            case TrainAndEvaluate.Ranking.POOL -> "Reasoning pool: nearest seed sample";
            default -> source;
        };
    }

    /** Automatic, generate, nearest, pool: where ranking candidates get their explanations. */
    public ObservableList<String> candidateSources() {
        return candidateSources;
    }

    public ObjectProperty<String> candidateSourceProperty() {
        return candidateSource;
    }

    public ObjectProperty<PredictionTask> taskProperty() {
        return task;
    }

    public ObservableList<String> available() {
        return available;
    }

    public ObservableList<String> chosen() {
        return chosen;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty repeatsProperty() {
        return repeats;
    }

    public IntegerProperty patienceProperty() {
        return patience;
    }

    public StringProperty validationFractionProperty() {
        return validationFraction;
    }

    public StringProperty weightDecayProperty() {
        return weightDecay;
    }

    public StringProperty dropoutProperty() {
        return dropout;
    }

    public StringProperty fractionsProperty() {
        return fractions;
    }

    public ObservableList<KeywordRepository.Source> sources() {
        return sources;
    }

    public ObjectProperty<KeywordRepository.Source> sourceProperty() {
        return source;
    }

    /** The pair variants the models can read: contrastive, concise. */
    public ObservableList<String> variants() {
        return variants;
    }

    public StringProperty variantProperty() {
        return variant;
    }

    public StringProperty backendProperty() {
        return backend;
    }

    /** A rough training time, labelled as an estimate. */
    public StringProperty estimateProperty() {
        return estimate;
    }
}
