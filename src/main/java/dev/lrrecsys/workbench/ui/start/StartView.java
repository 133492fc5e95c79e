package dev.lrrecsys.workbench.ui.start;

import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;

import java.nio.file.Path;

/** Binds StartScreen.fxml to its view model; the buttons call the window's actions. */
public final class StartView implements WorkbenchView {

    private final StartViewModel viewModel;
    private final StartActions actions;
    private final String sampleNoteText;
    private final Parent root;

    @FXML private ListView<Path> recentList;
    @FXML private GridPane summaryGrid;
    @FXML private Label summaryEmpty;
    @FXML private Label sampleNote;
    @FXML private Button openRecentButton;
    @FXML private Button forgetRecentButton;
    @FXML private Button openSampleButton;

    public StartView(StartViewModel viewModel, StartActions actions, String sampleNoteText) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.sampleNoteText = sampleNoteText;
        this.root = FxmlViews.load("StartScreen", this);
    }

    @FXML
    private void initialize() {
        recentList.setItems(viewModel.recent());
        recentList.setPlaceholder(new Label("No recent projects yet."));
        recentList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openRecent();
            }
        });
        openRecentButton.disableProperty().bind(recentList.getSelectionModel().selectedItemProperty().isNull());
        forgetRecentButton.disableProperty().bind(recentList.getSelectionModel().selectedItemProperty().isNull());
        summaryEmpty.textProperty().bind(viewModel.summaryMessageProperty());
        viewModel.summary().addListener((ListChangeListener<java.util.Map.Entry<String, String>>) c -> fillSummary());
        sampleNote.setText(sampleNoteText);
        sampleNote.setManaged(sampleNoteText != null && !sampleNoteText.isEmpty());
        fillSummary();
    }

    private void fillSummary() {
        summaryGrid.getChildren().clear();
        int row = 0;
        for (var e : viewModel.summary()) {
            Label key = new Label(e.getKey());
            key.getStyleClass().add("text-muted");
            summaryGrid.addRow(row++, key, new Label(e.getValue()));
        }
    }

    @FXML private void openSample() {
        actions.openSample();
    }

    @FXML private void newProject() {
        actions.newProject();
    }

    @FXML private void openProject() {
        actions.openProject();
    }

    @FXML private void importDataset() {
        actions.importDataset();
    }

    @FXML private void openRecent() {
        Path selected = recentList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            actions.openRecent(selected);
        }
    }

    @FXML private void forgetRecent() {
        Path selected = recentList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.forget(selected);
        }
    }

    public Button openSampleButton() {
        return openSampleButton;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        viewModel.reloadRecent();
    }
}
