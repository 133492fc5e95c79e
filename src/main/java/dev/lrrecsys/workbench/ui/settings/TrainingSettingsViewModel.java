package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.evaluate.ComputeDevice;
import dev.lrrecsys.workbench.evaluate.ExperimentSettings;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.NamedJob;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The training settings dialog without its controls: task, models, epochs, repeats, training fraction, and the
 * backend that will train (detected in the background: loading ND4J takes a few seconds).
 */
public final class TrainingSettingsViewModel {

    private final ObjectProperty<PredictionTask> task = new SimpleObjectProperty<>(PredictionTask.REGRESSION);
    private final ObservableList<String> available;
    private final ObservableList<String> chosen;
    private final IntegerProperty epochs = new SimpleIntegerProperty(10);
    private final IntegerProperty repeats = new SimpleIntegerProperty(3);
    private final StringProperty fractions = new SimpleStringProperty("1.0");
    private final StringProperty backend = new SimpleStringProperty("detecting...");

    public TrainingSettingsViewModel(List<String> models) {
        available = FXCollections.observableArrayList(models);
        chosen = FXCollections.observableArrayList(models);
    }

    public void detectBackend(Background background) {
        background.load(new NamedJob<>("Detect compute backend", c -> ComputeDevice.detect()),
                d -> backend.set(d.backend() + " on " + d.device()),
                e -> backend.set("cannot load ND4J: " + e.getMessage()));
    }

    /** The settings (validated by {@link ExperimentSettings}, whose messages say what to fix). */
    public ExperimentSettings settings() {
        return new ExperimentSettings(task.get(), List.copyOf(chosen), repeats.get(), epochs.get(), 128,
                ExperimentSettings.DEFAULT_LEARNING_RATE, 42, ExperimentSettings.parseFractions(fractions.get()),
                ExperimentSettings.OFFLINE_GENERATOR, ExperimentSettings.OFFLINE_MODEL);
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

    public StringProperty fractionsProperty() {
        return fractions;
    }

    public StringProperty backendProperty() {
        return backend;
    }
}
