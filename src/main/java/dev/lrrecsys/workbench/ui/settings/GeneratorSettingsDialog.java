package dev.lrrecsys.workbench.ui.settings;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.GeneratorSettings;
import dev.lrrecsys.workbench.ui.Styles;
import dev.lrrecsys.workbench.ui.settings.GeneratorSettingsViewModel.Connection;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Window;

import java.util.Optional;

/**
 * The generator settings dialog (GeneratorSettings.fxml). In "generate" mode its default button starts the run;
 * otherwise it just saves the settings.
 */
public final class GeneratorSettingsDialog {

    public static final ButtonType GENERATE = new ButtonType("Generate", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final GeneratorSettingsViewModel viewModel;
    private final Project project;
    private final Dialog<GeneratorSettings> dialog = new Dialog<>();

    @FXML private RadioButton offlineRadio;
    @FXML private RadioButton ollamaRadio;
    @FXML private TextField urlField;
    @FXML private Button testButton;
    @FXML private ComboBox<String> modelBox;
    @FXML private Label connectionLabel;
    @FXML private Spinner<Integer> concurrencySpinner;
    @FXML private CheckBox retryRejectedCheck;
    @FXML private Spinner<Integer> candidatesSpinner;
    @FXML private Spinner<Double> poolSpinner;
    @FXML private TextArea estimateArea;
    @FXML private Button estimateButton;

    /** @param project the open project (for the estimate), or null when none is open */
    public GeneratorSettingsDialog(Window owner, GeneratorSettingsViewModel viewModel, Project project, boolean generate) {
        this.viewModel = viewModel;
        this.project = project;
        Parent content = FxmlViews.load("GeneratorSettings", this);
        content.setId("generatorSettings");
        dialog.initOwner(owner);
        dialog.setTitle(generate ? "Generate explanations" : "Generator settings");
        dialog.setHeaderText(generate ? "Generate a positive and a negative explanation for every sample"
                : "Which generator writes the explanations");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        dialog.getDialogPane().getButtonTypes().addAll(generate ? GENERATE : SAVE, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == GENERATE || b == SAVE ? viewModel.settings() : null);
        if (project != null && !viewModel.ollamaProperty().get()) {
            viewModel.estimate(project);
        }
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        offlineRadio.setToggleGroup(group);
        ollamaRadio.setToggleGroup(group);
        (viewModel.ollamaProperty().get() ? ollamaRadio : offlineRadio).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) ->
                viewModel.kindProperty().set(now == ollamaRadio ? GeneratorSettings.OLLAMA : GeneratorSettings.OFFLINE));
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        modelBox.setItems(viewModel.models());
        modelBox.valueProperty().bindBidirectional(viewModel.modelProperty());
        for (var n : new javafx.scene.Node[]{urlField, testButton, modelBox}) {
            n.disableProperty().bind(viewModel.ollamaProperty().not());
        }
        testButton.disableProperty().unbind();
        testButton.disableProperty().bind(viewModel.ollamaProperty().not()
                .or(viewModel.connectionProperty().isEqualTo(Connection.TESTING)));
        connectionLabel.setId("connectionMessage");
        connectionLabel.textProperty().bind(viewModel.connectionMessageProperty());
        viewModel.connectionProperty().addListener((o, was, now) -> {
            connectionLabel.getStyleClass().removeAll(Styles.CONNECTION_OK, Styles.CONNECTION_FAILED);
            if (now == Connection.OK) {
                connectionLabel.getStyleClass().add(Styles.CONNECTION_OK);
            } else if (now == Connection.FAILED) {
                connectionLabel.getStyleClass().add(Styles.CONNECTION_FAILED);
            }
        });
        concurrencySpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, viewModel.concurrencyProperty().get()));
        concurrencySpinner.valueProperty().addListener((o, was, now) -> viewModel.concurrencyProperty().set(now));
        retryRejectedCheck.selectedProperty().bindBidirectional(viewModel.retryRejectedProperty());
        candidatesSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                GenerateExplanations.Settings.MAX_CANDIDATES, viewModel.candidatesProperty().get()));
        candidatesSpinner.valueProperty().addListener((o, was, now) -> viewModel.candidatesProperty().set(now));
        poolSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.01, 1.0, viewModel.poolProperty().get(), 0.01));
        poolSpinner.valueProperty().addListener((o, was, now) -> viewModel.poolProperty().set(now));
        estimateArea.textProperty().bind(viewModel.estimateProperty());
        estimateButton.disableProperty().bind(viewModel.estimatingProperty());
    }

    @FXML private void testConnection() {
        viewModel.testConnection();
    }

    @FXML private void estimate() {
        if (project == null) {
            viewModel.estimateProperty().set("Open a project to estimate a run.");
        } else {
            viewModel.estimate(project);
        }
    }

    /** The run chosen in the dialog: the remembered generator settings plus this run's own choices. */
    public GenerateExplanations.Settings generation() {
        return viewModel.generation();
    }

    public Dialog<GeneratorSettings> dialog() {
        return dialog;
    }

    public Optional<GeneratorSettings> showAndWait() {
        return dialog.showAndWait();
    }
}
