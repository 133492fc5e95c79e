package dev.lrrecsys.workbench.ui.inspector;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.RunBrowseRepository;
import dev.lrrecsys.workbench.store.RunBrowseRepository.CaseExplanation;
import dev.lrrecsys.workbench.store.RunBrowseRepository.CasePrediction;
import dev.lrrecsys.workbench.store.RunBrowseRepository.CaseSample;
import dev.lrrecsys.workbench.store.RunBrowseRepository.CaseUncertainty;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.ReadJob;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The case inspector's state for one sample: its history, candidate, explanations, every model's prediction
 * against the truth, the uncertainty and gain, and the 6x6 attention matrix of a chosen attention run.
 */
public final class CaseViewModel {

    /** Everything stored about the sample. */
    public record Case(CaseSample sample, DatasetInfo dataset, List<CaseExplanation> explanations,
                       List<CasePrediction> predictions, List<CaseUncertainty> uncertainty) {
    }

    private final Background background;
    private final Database database;
    private final Consumer<Throwable> errors;
    private final RunBrowseRepository browse = new RunBrowseRepository();
    private final StringProperty sampleText = new SimpleStringProperty("");
    private final ObjectProperty<Case> current = new SimpleObjectProperty<>();
    private final ObservableList<CasePrediction> attentionRuns = FXCollections.observableArrayList();
    private final ObjectProperty<CasePrediction> attentionRun = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> matrix = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final LatestOnly loader = new LatestOnly();
    private final LatestOnly matrixLoader = new LatestOnly();

    public CaseViewModel(Background background, Database database, Consumer<Throwable> errors) {
        this.background = background;
        this.database = database;
        this.errors = errors;
        attentionRun.addListener((o, was, now) -> loadMatrix());
    }

    /** Opens the first sample with predictions when none is chosen yet; otherwise reloads the current one. */
    public void refresh() {
        if (sampleText.get() == null || sampleText.get().isBlank()) {
            loader.load(background, new ReadJob<>("First case", database, browse::firstCase), id -> {
                if (id == null) {
                    message.set("No samples yet: import a dataset (samples are derived when explanations are generated).");
                } else {
                    open(id);
                }
            }, errors);
        } else {
            openTyped();
        }
    }

    public void openTyped() {
        try {
            open(Long.parseLong(sampleText.get().trim()));
        } catch (NumberFormatException e) {
            message.set("A sample id is a whole number, got '" + sampleText.get() + "'.");
        }
    }

    public void open(long sampleId) {
        sampleText.set(Long.toString(sampleId));
        loader.load(background, new ReadJob<>("Case " + sampleId, database, tx -> {
            CaseSample s = browse.sample(tx, sampleId);
            if (s == null) {
                throw new WorkbenchException("There is no sample " + sampleId + " in this project.");
            }
            return new Case(s, new DatasetRepository().find(tx).orElseThrow(), browse.explanations(tx, sampleId),
                    browse.predictions(tx, sampleId), browse.uncertainty(tx, sampleId));
        }), c -> {
            current.set(c);
            message.set(describeUncertainty(c));
            attentionRuns.setAll(c.predictions().stream().filter(p -> p.alphaPos() != null).toList());
            attentionRun.set(attentionRuns.isEmpty() ? null : attentionRuns.get(0));
            if (attentionRuns.isEmpty()) {
                matrix.set(null);
            }
        }, e -> message.set(e.getMessage()));
    }

    static String describeUncertainty(Case c) {
        if (c.uncertainty().isEmpty()) {
            return c.predictions().isEmpty() ? "No model has predicted this sample yet (it is a " + c.sample().split() + " sample)."
                    : "No uncertainty-vs-gain analysis covers this sample.";
        }
        CaseUncertainty u = c.uncertainty().get(0);
        return String.format(Locale.ROOT, "uncertainty %.3f (normalised), gain %+.4f over the best baseline (experiment %d, fraction %s)",
                u.uncertainty(), u.gain(), u.experimentId(), u.trainFraction());
    }

    private void loadMatrix() {
        CasePrediction run = attentionRun.get();
        Case c = current.get();
        if (run == null || c == null) {
            matrix.set(null);
            return;
        }
        matrixLoader.load(background, new ReadJob<>("Attention matrix", database, tx -> browse.attentionMatrix(tx, run.runId(), c.sample().id())),
                matrix::set, errors);
    }

    public StringProperty sampleTextProperty() {
        return sampleText;
    }

    public ObjectProperty<Case> currentProperty() {
        return current;
    }

    public ObservableList<CasePrediction> attentionRuns() {
        return attentionRuns;
    }

    public ObjectProperty<CasePrediction> attentionRunProperty() {
        return attentionRun;
    }

    public ObjectProperty<float[]> matrixProperty() {
        return matrix;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
