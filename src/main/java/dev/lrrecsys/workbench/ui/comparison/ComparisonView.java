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
import javafx.scene.control.Label;
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

    private final ComparisonViewModel viewModel;
    private final Parent root;

    @FXML private TextField firstField;
    @FXML private TextField secondField;
    @FXML private Label messageLabel;
    @FXML private HBox columnsBox;

    public ComparisonView(ProjectContext context) {
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
        viewModel.columns().addListener((ListChangeListener<Column>) c -> draw());
        refresh();
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
            VBox box = new VBox(6, header, pos, flow(c.positive(), cols.size() > 1 ? posUnique.get(i) : Set.of()),
                    neg, flow(c.negative(), cols.size() > 1 ? negUnique.get(i) : Set.of()), new Label("Predictions"), predictions);
            box.setPrefWidth(320);
            box.setMinWidth(260);
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
        TextFlow flow = new TextFlow(parts.toArray(new Text[0]));
        flow.setPrefWidth(300);
        return flow;
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
