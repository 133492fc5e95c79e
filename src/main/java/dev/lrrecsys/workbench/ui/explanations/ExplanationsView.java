package dev.lrrecsys.workbench.ui.explanations;

import dev.lrrecsys.workbench.store.ExplanationBrowseRepository.ExplanationRow;
import dev.lrrecsys.workbench.store.AlignmentFilter;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.PagedTable;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Binds Explanations.fxml: filter fields to the view model, the paged table and the detail text. */
public final class ExplanationsView implements WorkbenchView {

    private final ProjectContext context;
    private final ExplanationsViewModel viewModel;
    private final Parent root;
    private PagedTable<ExplanationRow> table;

    @FXML private TextField productField;
    @FXML private TextField consumerField;
    @FXML private ComboBox<String> sideBox;
    @FXML private ComboBox<String> sourceBox;
    @FXML private ComboBox<String> statusBox;
    @FXML private ComboBox<String> variantBox;
    @FXML private ComboBox<String> originBox;
    @FXML private TextField similarityField;
    @FXML private Label qualityLabel;
    @FXML private TextField textField;
    @FXML private ComboBox<AlignmentFilter.Order> alignmentBox;
    @FXML private TextField lcField;
    @FXML private TextField icField;
    @FXML private StackPane tableHost;
    @FXML private TextArea detailArea;
    @FXML private Button showPromptButton;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;
    @FXML private HBox scopeBar;
    @FXML private Label scopeLabel;
    @FXML private Hyperlink clearScopeLink;

    public ExplanationsView(ProjectContext context) {
        this.context = context;
        this.viewModel = new ExplanationsViewModel(context.background(), context.project().database(),
                e -> context.errors().accept("Load explanations", e));
        this.root = FxmlViews.load("Explanations", this);
    }

    @FXML
    private void initialize() {
        productField.textProperty().bindBidirectional(viewModel.productProperty());
        consumerField.textProperty().bindBidirectional(viewModel.consumerProperty());
        textField.textProperty().bindBidirectional(viewModel.textProperty());
        sideBox.setItems(FXCollections.observableArrayList(ExplanationsViewModel.SIDES));
        sideBox.valueProperty().bindBidirectional(viewModel.sideProperty());
        statusBox.setItems(FXCollections.observableArrayList(ExplanationsViewModel.STATUSES));
        statusBox.valueProperty().bindBidirectional(viewModel.statusProperty());
        sourceBox.setItems(viewModel.sources());
        sourceBox.valueProperty().bindBidirectional(viewModel.sourceProperty());
        variantBox.setItems(FXCollections.observableArrayList(ExplanationsViewModel.VARIANTS));
        variantBox.valueProperty().bindBidirectional(viewModel.variantProperty());
        originBox.setItems(FXCollections.observableArrayList(ExplanationsViewModel.ORIGINS));
        originBox.valueProperty().bindBidirectional(viewModel.originProperty());
        similarityField.textProperty().bindBidirectional(viewModel.minSimilarityProperty());
        qualityLabel.textProperty().bind(viewModel.qualityProperty());
        for (ComboBox<String> box : java.util.List.of(sideBox, statusBox, sourceBox, variantBox, originBox)) {
            box.setOnAction(e -> viewModel.search());
        }
        alignmentBox.setItems(FXCollections.observableArrayList(AlignmentFilter.Order.values()));
        alignmentBox.valueProperty().bindBidirectional(viewModel.alignmentOrderProperty());
        alignmentBox.setOnAction(e -> viewModel.search());
        lcField.textProperty().bindBidirectional(viewModel.lcRangeProperty());
        icField.textProperty().bindBidirectional(viewModel.icRangeProperty());
        scopeLabel.textProperty().bind(viewModel.scopeProperty());
        scopeBar.visibleProperty().bind(viewModel.scopeProperty().isNotEmpty());
        scopeBar.managedProperty().bind(scopeBar.visibleProperty());

        table = new PagedTable<>(viewModel.results(), "No explanations match these filters.", context.exporter("Export explanations CSV"));
        table.table().setId("explanationsTable");
        table.column("Product", ExplanationRow::product, 160);
        table.column("Consumer", ExplanationRow::consumer, 90);
        table.column("Side", r -> ExplanationsViewModel.sideLabel(r.side()), 80);
        table.column("Status", ExplanationRow::status, 70);
        table.column("Rating", ExplanationRow::rating, 60);
        table.column("Generator / model", ExplanationRow::source, 200);
        table.column("LC", r -> viewModel.score(r, 0), 55);
        table.column("IC", r -> viewModel.score(r, 1), 55);
        table.column("Origin", ExplanationRow::origin, 120);
        table.column("Text", ExplanationRow::text, 600);
        tableHost.getChildren().add(table);
        table.table().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.selectedProperty().set(now));
        // A double-click opens the row's sample in the case workbench.
        table.table().addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            ExplanationRow row = table.table().getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && row != null) {
                context.navigation().showCase(row.sampleId());
            }
        });
        detailArea.textProperty().bind(viewModel.detailProperty());
        showPromptButton.disableProperty().bind(viewModel.selectedProperty().isNull());

        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        refresh();
    }

    @FXML private void showPrompt() {
        viewModel.showPrompt();
    }

    @FXML private void search() {
        viewModel.search();
    }

    @FXML private void clearScope() {
        viewModel.clearScope();
    }

    @FXML private void generate() {
        context.navigation().generateExplanations();
    }

    public void apply(ExplanationFilter filter) {
        viewModel.apply(filter);
    }

    public ExplanationsViewModel viewModel() {
        return viewModel;
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
