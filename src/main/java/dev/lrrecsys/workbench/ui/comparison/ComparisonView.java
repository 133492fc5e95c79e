package dev.lrrecsys.workbench.ui.comparison;

import dev.lrrecsys.workbench.insight.WordDifference;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.Styles;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import dev.lrrecsys.workbench.ui.comparison.ComparisonViewModel.Column;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import dev.lrrecsys.workbench.ui.comparison.ComparisonViewModel.SampleItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Binds Comparison.fxml: one column per sample and source, differing words highlighted per side. */
public final class ComparisonView implements WorkbenchView {

    private static final double CARD_MIN_WIDTH = 240;

    private final ComparisonViewModel viewModel;
    private final Parent root;

    @FXML private TextField firstField;
    @FXML private TextField secondField;
    @FXML private Label messageLabel;
    @FXML private HBox columnsBox;
    @FXML private TextField sampleSearchField;
    @FXML private ListView<SampleItem> sampleList;

    private final dev.lrrecsys.workbench.ui.Navigation navigation;

    public ComparisonView(ProjectContext context) {
        this.navigation = context.navigation();
        this.viewModel = new ComparisonViewModel(context.background(), context.project().database(),
                e -> context.errors().accept("Load comparison", e));
        this.root = FxmlViews.load("Comparison", this);
    }

    @FXML
    private void initialize() {
        columnsBox.setId("comparisonColumns");
        firstField.textProperty().bindBidirectional(viewModel.firstProperty());
        secondField.textProperty().bindBidirectional(viewModel.secondProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        sampleSearchField.textProperty().bindBidirectional(viewModel.sampleSearchProperty());
        sampleList.setItems(viewModel.samples());
        sampleList.setPlaceholder(new Label("No samples with explanations match."));
        sampleList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SampleItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setTooltip(empty || item == null ? null : new Tooltip(item.label()
                        + "\nDouble-click: show it; right-click: show it or compare it with the first"));
            }
        });
        MenuItem asFirst = new MenuItem("Show this sample");
        asFirst.setOnAction(e -> pick(false));
        MenuItem asSecond = new MenuItem("Compare side by side with the first");
        asSecond.setOnAction(e -> pick(true));
        MenuItem inCase = new MenuItem("Open in the case workbench");
        inCase.setOnAction(e -> {
            SampleItem item = sampleList.getSelectionModel().getSelectedItem();
            if (item != null) {
                navigation.showCase(item.sampleId());
            }
        });
        sampleList.setContextMenu(new ContextMenu(asFirst, asSecond, inCase));
        sampleList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pick(false);
            }
        });
        viewModel.columns().addListener((ListChangeListener<Column>) c -> draw());
        refresh();
    }

    public ComparisonViewModel viewModel() {
        return viewModel;
    }

    private void draw() {
        columnsBox.getChildren().clear();
        List<Column> cols = viewModel.columns();
        List<Set<String>> posUnique = WordDifference.unique(cols.stream().map(Column::positive).toList());
        List<Set<String>> negUnique = WordDifference.unique(cols.stream().map(Column::negative).toList());
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            Label header = new Label(c.header());
            header.getStyleClass().add(Styles.HEADLINE);
            header.setWrapText(true);
            Label pos = new Label("Positive");
            pos.getStyleClass().add(Styles.POSITIVE);
            Label neg = new Label("Negative");
            neg.getStyleClass().add(Styles.NEGATIVE);
            Label predictions = new Label(c.predictions());
            predictions.setWrapText(true);
            // Wrapped labels keep the height their text needs: the first card cut its header to "..." before.
            for (Label l : List.of(header, predictions)) {
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            VBox box = new VBox(6, header, pos, flow(c.positive(), cols.size() > 1 ? posUnique.get(i) : Set.of()),
                    neg, flow(c.negative(), cols.size() > 1 ? negUnique.get(i) : Set.of()), new Label("Predictions"), predictions);
            // The cards share the width (no fixed 320 px with room left over) and wrap their text within it.
            box.setPrefWidth(CARD_MIN_WIDTH);
            box.setMinWidth(CARD_MIN_WIDTH);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMaxWidth(Double.MAX_VALUE);
            box.getStyleClass().add("comparison-column");
            columnsBox.getChildren().add(box);
        }
    }

    private static TextFlow flow(String text, Set<String> highlight) {
        List<Text> parts = new ArrayList<>();
        for (String token : WordDifference.tokens(text)) {
            Text t = new Text(token);
            t.getStyleClass().add(highlight.contains(token.toLowerCase(Locale.ROOT)) ? "word-different" : "word-same");
            parts.add(t);
        }
        return new TextFlow(parts.toArray(new Text[0]));
    }

    /** Puts the picked sample in the first field (second: beside the first) and compares. */
    void pick(boolean second) {
        SampleItem item = sampleList.getSelectionModel().getSelectedItem();
        if (item != null) {
            (second ? viewModel.secondProperty() : viewModel.firstProperty()).set(Long.toString(item.sampleId()));
            viewModel.compare();
        }
    }

    @FXML private void compare() {
        viewModel.compare();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }
}
