package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.ui.LabelConverter;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.Styles;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The training settings dialog (TrainingSettings.fxml); its Train button hands back the view model. */
public final class TrainingSettingsDialog {

    public static final ButtonType TRAIN = new ButtonType("Train", ButtonBar.ButtonData.OK_DONE);

    private final TrainingSettingsViewModel viewModel;
    private final Dialog<TrainingSettingsViewModel> dialog = new Dialog<>();

    @FXML private ComboBox<PredictionTask> taskBox;
    @FXML private VBox modelsBox;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> repeatsSpinner;
    @FXML private Spinner<Integer> patienceSpinner;
    @FXML private TextField validationField;
    @FXML private TextField weightDecayField;
    @FXML private TextField dropoutField;
    @FXML private TextField fractionsField;
    @FXML private ComboBox<KeywordRepository.Source> sourceBox;
    @FXML private ComboBox<String> candidateSourceBox;
    @FXML private ComboBox<String> variantBox;
    @FXML private Label backendLabel;
    @FXML private Label estimateLabel;

    public TrainingSettingsDialog(Window owner, TrainingSettingsViewModel viewModel) {
        this.viewModel = viewModel;
        dialog.initOwner(owner);
        dialog.setTitle("Train and evaluate");
        dialog.setHeaderText("Train the chosen models on the training split and compare them on the test split");
        dialog.getDialogPane().setContent(FxmlViews.load("TrainingSettings", this));
        dialog.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        dialog.getDialogPane().getButtonTypes().addAll(TRAIN, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == TRAIN ? viewModel : null);
    }

    @FXML
    private void initialize() {
        taskBox.setItems(FXCollections.observableArrayList(PredictionTask.values()));
        taskBox.setConverter(LabelConverter.of(TrainingSettingsDialog::taskLabel));
        taskBox.valueProperty().bindBidirectional(viewModel.taskProperty());
        for (String model : viewModel.available()) {
            CheckBox box = new CheckBox(model);
            // The id stays the check box's text (it is what the CLI and the tables call the model); the line says what it is.
            Label description = new Label(ModelDescriptions.of(model));
            description.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
            box.setGraphic(description);
            box.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.setTooltip(new javafx.scene.control.Tooltip(model + ": " + ModelDescriptions.of(model)));
            box.setSelected(viewModel.chosen().contains(model));
            box.selectedProperty().addListener((o, was, now) -> {
                if (now && !viewModel.chosen().contains(model)) {
                    viewModel.chosen().add(model);
                } else if (!now) {
                    viewModel.chosen().remove(model);
                }
            });
            modelsBox.getChildren().add(box);
        }
        epochsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1000, viewModel.epochsProperty().get()));
        epochsSpinner.valueProperty().addListener((o, was, now) -> viewModel.epochsProperty().set(now));
        repeatsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, viewModel.repeatsProperty().get()));
        repeatsSpinner.valueProperty().addListener((o, was, now) -> viewModel.repeatsProperty().set(now));
        patienceSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1000, viewModel.patienceProperty().get()));
        patienceSpinner.valueProperty().addListener((o, was, now) -> viewModel.patienceProperty().set(now));
        validationField.textProperty().bindBidirectional(viewModel.validationFractionProperty());
        weightDecayField.textProperty().bindBidirectional(viewModel.weightDecayProperty());
        dropoutField.textProperty().bindBidirectional(viewModel.dropoutProperty());
        fractionsField.textProperty().bindBidirectional(viewModel.fractionsProperty());
        sourceBox.setItems(viewModel.sources());
        sourceBox.setConverter(LabelConverter.of(KeywordRepository.Source::label));
        sourceBox.valueProperty().bindBidirectional(viewModel.sourceProperty());
        candidateSourceBox.setItems(viewModel.candidateSources());
        candidateSourceBox.setConverter(LabelConverter.of(TrainingSettingsViewModel::candidateSourceLabel));
        candidateSourceBox.valueProperty().bindBidirectional(viewModel.candidateSourceProperty());
        // Only ranking samples candidates: the choice means nothing to the other tasks.
        candidateSourceBox.disableProperty().bind(viewModel.taskProperty().isNotEqualTo(PredictionTask.RANKING));
        variantBox.setItems(viewModel.variants());
        variantBox.valueProperty().bindBidirectional(viewModel.variantProperty());
        backendLabel.textProperty().bind(viewModel.backendProperty());
        estimateLabel.textProperty().bind(viewModel.estimateProperty());
    }

    /** "Regression", "Classification", "Ranking (HR@K, NDCG@K)": the task as words, not a constant. */
    static String taskLabel(PredictionTask task) {
        if (task == PredictionTask.RANKING) {
            // Says what the table will hold; the models still train on the ratings (docs/experiments.md).
            return "Ranking (HR@K, NDCG@K)";
        }
        String name = task.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public Dialog<TrainingSettingsViewModel> dialog() {
        return dialog;
    }
}
