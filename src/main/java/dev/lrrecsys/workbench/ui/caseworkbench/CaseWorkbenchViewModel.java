package dev.lrrecsys.workbench.ui.caseworkbench;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.CaseRepository;
import dev.lrrecsys.workbench.store.CaseRepository.CaseRun;
import dev.lrrecsys.workbench.store.CaseRepository.ProductItem;
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
    /** Products listed by the picker at once; a larger catalogue is narrowed by typing. */
    static final int PRODUCT_LIMIT = 50;
    /** The history slot item that appends a product as the newest. */
    static final String ADD_AS_NEWEST = "add as newest";

    private final Background background;
    private final Project project;
    private final Consumer<Throwable> errors;
    private final InspectCase inspect;
    private final CaseRepository cases = new CaseRepository();
    private final LatestOnly caseLoader = new LatestOnly();
    private final LatestOnly sampleLoader = new LatestOnly();
    private final LatestOnly runLoader = new LatestOnly();
    private final LatestOnly productLoader = new LatestOnly();

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
    private final StringProperty lc = new SimpleStringProperty("");
    private final StringProperty ic = new SimpleStringProperty("");
    private final StringProperty alignmentNote = new SimpleStringProperty("");
    private final StringProperty feeding = new SimpleStringProperty("");
    private final StringProperty productSearch = new SimpleStringProperty("");
    private final ObservableList<ProductItem> products = FXCollections.observableArrayList();
    private final StringProperty productCount = new SimpleStringProperty("");
    private final ObservableList<String> historySlots = FXCollections.observableArrayList();
    private boolean choosingRun;

    public CaseWorkbenchViewModel(Background background, Project project, Consumer<Throwable> errors) {
        this.background = background;
        this.project = project;
        this.errors = errors;
        this.inspect = new InspectCase(project);
        search.addListener((o, was, now) -> searchSamples());
        productSearch.addListener((o, was, now) -> searchProducts());
        history.addListener((o, was, now) -> historySlots.setAll(slots(historyIds(now))));
        historySlots.setAll(slots(List.of()));
        run.addListener((o, was, now) -> {
            if (!choosingRun && now != null && report.get() != null && now.id() != report.get().run().id()) {
                open(report.get().sampleId(), now.id());
            }
        });
    }

    /** Reloads the pickers; opens the default case (first test sample, newest lr-recsys run) when none is open. */
    public void refresh() {
        searchSamples();
        searchProducts();
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

    private void searchProducts() {
        String q = productSearch.get();
        productLoader.load(background, new ReadJob<>("Case products", project.database(), tx -> cases.searchProducts(tx, q, PRODUCT_LIMIT)),
                page -> {
                    products.setAll(page.items());
                    productCount.set(countText(page.items().size(), page.total()));
                }, errors);
    }

    static String countText(int shown, long total) {
        if (total == 0) {
            return "no product matches";
        }
        return shown < total ? "first " + shown + " of " + total + " matches: type to narrow" : total + (total == 1 ? " match" : " matches");
    }

    /** The picked product as the candidate (its id goes into the candidate field, which can still be typed into). */
    public void useAsCandidate(ProductItem product) {
        if (product != null) {
            candidate.set(product.externalId());
        }
    }

    /**
     * The picked product into history slot {@code slot} (0 = oldest), or appended as the newest when {@code slot} is
     * the number of products in the history; the history field shows the result and can still be typed into.
     */
    public void swapIntoHistory(int slot, ProductItem product) {
        List<String> ids = new java.util.ArrayList<>(historyIds(history.get()));
        if (product == null || slot < 0 || slot > ids.size()) {
            return;
        }
        if (slot == ids.size()) {
            if (ids.size() >= dev.lrrecsys.workbench.model.SampleSet.HISTORY) {
                return;
            }
            ids.add(product.externalId());
        } else {
            ids.set(slot, product.externalId());
        }
        history.set(String.join(", ", ids));
    }

    /** The history slots a picked product can go into: each product by position, and appending while there is room. */
    static List<String> slots(List<String> ids) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add("#" + (i + 1) + " (" + ids.get(i) + ")");
        }
        if (ids.size() < dev.lrrecsys.workbench.model.SampleSet.HISTORY) {
            out.add(ADD_AS_NEWEST);
        }
        return out;
    }

    private static List<String> historyIds(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
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
        List<String> editedHistory = historyIds(history.get());
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
            InspectCase.Alignment a = r.alignment();
            lc.set(a.lcText());
            ic.set(a.icText());
            alignmentNote.set(alignmentText(r));
            feeding.set(r.feeding() == null ? "" : r.feeding());
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

    /** Whose pair the scores are of, or why there are none. */
    static String alignmentText(CaseReport r) {
        InspectCase.Alignment a = r.alignment();
        if (!a.scored()) {
            return a.note();
        }
        String whose = a.sampleId() == r.sampleId() ? "of the stored pair (docs/alignment.md)"
                : "of sample " + a.sampleId() + "'s stored pair, the one this run reads here";
        return a.editedLc() == null ? whose
                : whose + "; the edited texts: LC " + a.editedLcText() + ", IC " + a.editedIcText() + " (same probe)";
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

    public StringProperty lcProperty() {
        return lc;
    }

    public StringProperty icProperty() {
        return ic;
    }

    public StringProperty alignmentNoteProperty() {
        return alignmentNote;
    }

    public StringProperty feedingProperty() {
        return feeding;
    }

    public StringProperty productSearchProperty() {
        return productSearch;
    }

    public ObservableList<ProductItem> products() {
        return products;
    }

    public StringProperty productCountProperty() {
        return productCount;
    }

    public ObservableList<String> historySlots() {
        return historySlots;
    }
}
