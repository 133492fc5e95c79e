package dev.lrrecsys.workbench.ui.caseworkbench;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.CaseRepository;
import dev.lrrecsys.workbench.store.CaseRepository.CaseRun;
import dev.lrrecsys.workbench.store.CaseRepository.SampleItem;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.ReadJob;
import dev.lrrecsys.workbench.workflow.InspectCase;
import dev.lrrecsys.workbench.workflow.InspectCase.CaseReport;
import dev.lrrecsys.workbench.workflow.InspectCase.CaseState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The case workbench's state: which sample through which run, the case as the workflow reports it, and the edit
 * fields. Edits go to {@link InspectCase} (the same workflow as `lrw case`), which keeps the run's loaded checkpoint
 * between edits; only fields that differ from the stored case count as edits.
 */
public final class CaseWorkbenchViewModel {

    private static final int SEARCH_LIMIT = 200;

    private final Background background;
    private final Project project;
    private final Consumer<Throwable> errors;
    private final InspectCase inspect;
    private final CaseRepository cases = new CaseRepository();
    private final LatestOnly caseLoader = new LatestOnly();
    private final LatestOnly sampleLoader = new LatestOnly();
    private final LatestOnly runLoader = new LatestOnly();

    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<SampleItem> samples = FXCollections.observableArrayList();
    private final ObservableList<CaseRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<CaseRun> run = new SimpleObjectProperty<>();
    private final ObjectProperty<CaseReport> report = new SimpleObjectProperty<>();
    private final StringProperty positive = new SimpleStringProperty("");
    private final StringProperty negative = new SimpleStringProperty("");
    private final StringProperty history = new SimpleStringProperty("");
    private final StringProperty candidate = new SimpleStringProperty("");
    private final StringProperty whatIfName = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private boolean choosingRun;

    public CaseWorkbenchViewModel(Background background, Project project, Consumer<Throwable> errors) {
        this.background = background;
        this.project = project;
        this.errors = errors;
        this.inspect = new InspectCase(project);
        search.addListener((o, was, now) -> searchSamples());
        run.addListener((o, was, now) -> {
            if (!choosingRun && now != null && report.get() != null && now.id() != report.get().run().id()) {
                open(report.get().sampleId(), now.id());
            }
        });
    }

    /** Reloads the pickers; opens the default case (first test sample, newest lr-recsys run) when none is open. */
    public void refresh() {
        searchSamples();
        runLoader.load(background, new ReadJob<>("Case runs", project.database(), cases::doneRuns), list -> {
            choosingRun = true;
            runs.setAll(list);
            choosingRun = false;
            if (report.get() == null) {
                open(null, null);
            }
        }, errors);
    }

    private void searchSamples() {
        String q = search.get();
        sampleLoader.load(background, new ReadJob<>("Case samples", project.database(), tx -> cases.searchSamples(tx, q, SEARCH_LIMIT)),
                samples::setAll, errors);
    }

    /** Opens a sample as stored through a run (null: the defaults), clearing any edit. */
    public void open(Long sampleId, Long runId) {
        run(InspectCase.Settings.defaults().withCase(sampleId, runId), true);
    }

    /** Opens a sample through an experiment's lr-recsys run (as the Uncertainty view's points belong to experiments). */
    public void openInExperiment(long sampleId, long experimentId) {
        runLoader.load(background, new ReadJob<>("Case run of experiment", project.database(), tx -> cases.runOfExperiment(tx, experimentId)),
                runId -> open(sampleId, runId), errors);
    }

    /** Predicts the current case again with the edits in the fields. */
    public void predictAgain() {
        CaseReport r = report.get();
        if (r == null) {
            return;
        }
        CaseState o = r.original();
        List<String> editedHistory = Arrays.stream(history.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        InspectCase.Settings s = new InspectCase.Settings(r.sampleId(), r.run().id(),
                Objects.equals(positive.get(), o.positive()) ? null : positive.get(),
                Objects.equals(negative.get(), o.negative()) ? null : negative.get(),
                editedHistory.equals(o.history()) ? null : editedHistory,
                Objects.equals(candidate.get().trim(), o.candidate()) ? null : candidate.get().trim(), true);
        run(s, false);
    }

    /** Puts the stored texts and products back and shows the stored case. */
    public void reset() {
        CaseReport r = report.get();
        if (r != null) {
            open(r.sampleId(), r.run().id());
        }
    }

    private void run(InspectCase.Settings settings, boolean fillFields) {
        busy.set(true);
        message.set(settings.edited() ? "Predicting the edited case..." : "Loading the case...");
        caseLoader.load(background, inspect.job(settings), r -> {
            busy.set(false);
            report.set(r);
            choosingRun = true;
            run.set(runs.stream().filter(x -> x.id() == r.run().id()).findFirst().orElse(r.run()));
            choosingRun = false;
            if (fillFields) {
                fill(r.original());
            }
            message.set(describe(r));
        }, e -> {
            busy.set(false);
            // One clear line in the view; the case on screen and the fields stay as they were.
            message.set(e.getMessage());
        });
    }

    private void fill(CaseState s) {
        positive.set(s.positive());
        negative.set(s.negative());
        history.set(String.join(", ", s.history()));
        candidate.set(s.candidate());
    }

    static String describe(CaseReport r) {
        String base = "Sample " + r.sampleId() + " (" + r.split() + ") through " + r.run().label() + ".";
        if (!r.readsExplanations()) {
            base += " " + r.run().model() + " reads no explanations: only history and candidate edits move it.";
        }
        return r.counterfactual() == null ? base : base + " Edited: " + String.format(Locale.ROOT, "%+.4f",
                r.counterfactual().prediction().value() - r.original().prediction().value()) + " against the stored case.";
    }

    /** Saves the shown edit as a named what-if case (a task in the task panel). */
    public void saveWhatIf() {
        CaseReport r = report.get();
        if (r == null) {
            return;
        }
        background.start(inspect.saveWhatIf(whatIfName.get(), r), id -> message.set("Saved what-if case '" + whatIfName.get().trim() + "'."),
                e -> message.set(e.getMessage()));
    }

    /** Exports every saved what-if case as CSV. */
    public void exportWhatIf(Path file) {
        background.start(inspect.exportWhatIf(file), f -> message.set("Exported the what-if cases to " + f + "."),
                e -> message.set(e.getMessage()));
    }

    public Path defaultExportFile() {
        return inspect.defaultExportFile();
    }

    /** A prediction on [0,1] as both front ends print it. */
    public static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<SampleItem> samples() {
        return samples;
    }

    public ObservableList<CaseRun> runs() {
        return runs;
    }

    public ObjectProperty<CaseRun> runProperty() {
        return run;
    }

    public ObjectProperty<CaseReport> reportProperty() {
        return report;
    }

    public StringProperty positiveProperty() {
        return positive;
    }

    public StringProperty negativeProperty() {
        return negative;
    }

    public StringProperty historyProperty() {
        return history;
    }

    public StringProperty candidateProperty() {
        return candidate;
    }

    public StringProperty whatIfNameProperty() {
        return whatIfName;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
