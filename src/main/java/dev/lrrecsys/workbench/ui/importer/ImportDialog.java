package dev.lrrecsys.workbench.ui.importer;

import dev.lrrecsys.workbench.ingest.DuplicatePolicy;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.Styles;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;

/** The import wizard (ImportDataset.fxml): format, input, mapping, scale and a preview; Import hands back the view model. */
public final class ImportDialog {

    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private final ImportViewModel viewModel;
    private final Dialog<ImportViewModel> dialog = new Dialog<>();

    @FXML private ComboBox<ImportFormat> formatBox;
    @FXML private TextField pathField;
    @FXML private TextField mappingField;
    @FXML private TextField minField;
    @FXML private TextField maxField;
    @FXML private TextField highField;
    @FXML private CheckBox skipBox;
    @FXML private ComboBox<DuplicatePolicy> duplicatesBox;
    @FXML private TextArea previewArea;

    public ImportDialog(Window owner, ImportViewModel viewModel) {
        this.viewModel = viewModel;
        dialog.initOwner(owner);
        dialog.setTitle("Import dataset");
        dialog.setHeaderText("Read consumers, products and ratings into this project");
        dialog.getDialogPane().setContent(FxmlViews.load("ImportDataset", this));
        dialog.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        dialog.getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == IMPORT ? viewModel : null);
    }

    @FXML
    private void initialize() {
        formatBox.setItems(FXCollections.observableArrayList(ImportFormat.values()));
        formatBox.valueProperty().bindBidirectional(viewModel.formatProperty());
        pathField.textProperty().bindBidirectional(viewModel.pathProperty());
        mappingField.textProperty().bindBidirectional(viewModel.mappingProperty());
        mappingField.disableProperty().bind(viewModel.formatProperty().isNotEqualTo(ImportFormat.CSV));
        minField.textProperty().bindBidirectional(viewModel.ratingMinProperty());
        maxField.textProperty().bindBidirectional(viewModel.ratingMaxProperty());
        highField.textProperty().bindBidirectional(viewModel.highThresholdProperty());
        skipBox.selectedProperty().bindBidirectional(viewModel.skipBadRowsProperty());
        duplicatesBox.setItems(FXCollections.observableArrayList(DuplicatePolicy.values()));
        duplicatesBox.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(DuplicatePolicy p) { return p == null ? "" : describe(p); }
            @Override public DuplicatePolicy fromString(String s) { return null; }
        });
        duplicatesBox.valueProperty().bindBidirectional(viewModel.duplicatesProperty());
        previewArea.textProperty().bind(viewModel.previewProperty());
    }

    /** The choice as the window offers it: the CLI's value (`--duplicates`) and what it does. */
    static String describe(DuplicatePolicy policy) {
        return switch (policy) {
            case REFUSE -> "refuse: stop the import, naming both lines";
            case KEEP_LAST -> "keep-last: keep the last row's rating";
            case MEAN -> "mean: keep one row rated with the mean";
        };
    }

    @FXML private void chooseFile() {
        File f = new FileChooser().showOpenDialog(dialog.getOwner());
        if (f != null) {
            viewModel.pathProperty().set(f.getAbsolutePath());
        }
    }

    @FXML private void chooseFolder() {
        File f = new DirectoryChooser().showDialog(dialog.getOwner());
        if (f != null) {
            viewModel.pathProperty().set(f.getAbsolutePath());
        }
    }

    @FXML private void chooseMapping() {
        File f = new FileChooser().showOpenDialog(dialog.getOwner());
        if (f != null) {
            viewModel.mappingProperty().set(f.getAbsolutePath());
        }
    }

    public Dialog<ImportViewModel> dialog() {
        return dialog;
    }
}
