package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.LlmSettings;
import dev.lrrecsys.workbench.explain.OllamaBackend;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.GeneratorSettings;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.NamedJob;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;

/**
 * The generator settings dialog without its controls: offline or Ollama (URL, model from the server's
 * /api/tags), concurrency, a connection test with a clear answer, and an estimate of the run.
 */
public final class GeneratorSettingsViewModel {

    /** What the connection test found. */
    public enum Connection { UNTESTED, TESTING, OK, FAILED }

    static final Duration TEST_TIMEOUT = Duration.ofSeconds(3);

    private final Background background;
    private final StringProperty kind = new SimpleStringProperty();
    private final StringProperty url = new SimpleStringProperty();
    private final StringProperty model = new SimpleStringProperty();
    private final IntegerProperty concurrency = new SimpleIntegerProperty();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObjectProperty<Connection> connection = new SimpleObjectProperty<>(Connection.UNTESTED);
    private final StringProperty connectionMessage = new SimpleStringProperty("");
    private final StringProperty estimate = new SimpleStringProperty("");
    private final BooleanProperty estimating = new SimpleBooleanProperty();
    /** A per-run choice, not remembered: ask again for the prompts whose answers were rejected. */
    private final BooleanProperty retryRejected = new SimpleBooleanProperty();
    /** A per-run choice, not remembered: best-of-N candidates per side (1: plain generation). */
    private final IntegerProperty candidates = new SimpleIntegerProperty(GenerateExplanations.Settings.defaults().candidates());
    /** The reasoning pool's fraction for this run (1: every sample generated), like `lrw generate --pool`. */
    private final javafx.beans.property.DoubleProperty pool =
            new javafx.beans.property.SimpleDoubleProperty(GenerateExplanations.Settings.DEFAULT_POOL);
    private final LatestOnly tester = new LatestOnly();
    private final LatestOnly estimator = new LatestOnly();

    public GeneratorSettingsViewModel(Background background, GeneratorSettings initial) {
        this.background = background;
        kind.set(initial.kind());
        url.set(initial.url());
        model.set(initial.model());
        concurrency.set(initial.concurrency());
        if (initial.model() != null && !initial.model().isBlank()) {
            models.add(initial.model());
        }
        kind.addListener((o, was, now) -> resetAnswers());
        url.addListener((o, was, now) -> resetAnswers());
        model.addListener((o, was, now) -> estimate.set(""));
    }

    private void resetAnswers() {
        connection.set(Connection.UNTESTED);
        connectionMessage.set("");
        estimate.set("");
    }

    public BooleanBinding ollamaProperty() {
        return kind.isEqualTo(GeneratorSettings.OLLAMA);
    }

    /** Asks the server for its models (GET /api/tags) and says plainly whether it answered. */
    public void testConnection() {
        LlmSettings llm;
        try {
            llm = settings().generation().llm();
        } catch (WorkbenchException invalid) {
            connection.set(Connection.FAILED);
            connectionMessage.set(invalid.getMessage());
            return;
        }
        connection.set(Connection.TESTING);
        connectionMessage.set("Connecting to " + llm.url() + "...");
        tester.load(background, new NamedJob<>("Test Ollama connection", c -> OllamaBackend.pulledModels(llm.url(), TEST_TIMEOUT)),
                pulled -> showModels(llm, pulled), e -> {
                    connection.set(Connection.FAILED);
                    connectionMessage.set(e.getMessage());
                });
    }

    private void showModels(LlmSettings llm, List<String> pulled) {
        if (pulled == null) {
            connection.set(Connection.FAILED);
            connectionMessage.set(new OllamaBackend(llm).unreachableMessage());
            return;
        }
        String chosen = model.get();
        models.setAll(pulled);
        if (pulled.isEmpty()) {
            connection.set(Connection.FAILED);
            connectionMessage.set("Connected to Ollama at " + llm.url() + ", but it has no model: run `ollama pull "
                    + GenerateExplanations.Settings.DEFAULT_MODEL + "`.");
            return;
        }
        connection.set(Connection.OK);
        connectionMessage.set("Connected to Ollama at " + llm.url() + ": " + pulled.size() + " model(s) available.");
        model.set(pulled.stream().filter(m -> m.equals(chosen) || m.equals(chosen + ":latest")).findFirst().orElse(pulled.get(0)));
    }

    /** Counts what a run would do (and, for Ollama, times a short probe); writes nothing. */
    public void estimate(Project project) {
        estimating.set(true);
        estimate.set("Estimating...");
        try {
            estimator.load(background, GenerateExplanations.estimate(project, generation()),
                    (GenerateExplanations.Estimate e) -> {
                        estimating.set(false);
                        estimate.set(e.estimate().describe().strip());
                    }, this::cannotEstimate);
        } catch (WorkbenchException invalid) {
            cannotEstimate(invalid);
        }
    }

    private void cannotEstimate(Throwable e) {
        estimating.set(false);
        estimate.set("Cannot estimate: " + e.getMessage());
    }

    /** The run the dialog describes: the remembered generator settings plus this run's retry choice. */
    public GenerateExplanations.Settings generation() {
        GenerateExplanations.Settings s = settings().generation().withRetryRejected(retryRejected.get())
                .withCandidates(candidates.get());
        return s.withPool(pool.get(), s.poolLongHistory());
    }

    public GeneratorSettings settings() {
        return new GeneratorSettings(kind.get(), url.get() == null ? "" : url.get().strip(), model.get() == null ? "" : model.get().strip(),
                Math.max(1, concurrency.get()));
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObjectProperty<Connection> connectionProperty() {
        return connection;
    }

    public StringProperty connectionMessageProperty() {
        return connectionMessage;
    }

    public StringProperty estimateProperty() {
        return estimate;
    }

    public IntegerProperty candidatesProperty() {
        return candidates;
    }

    public javafx.beans.property.DoubleProperty poolProperty() {
        return pool;
    }

    public BooleanProperty retryRejectedProperty() {
        return retryRejected;
    }

    public BooleanProperty estimatingProperty() {
        return estimating;
    }
}
