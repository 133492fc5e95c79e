package dev.lrrecsys.workbench.ui.caseworkbench;

import dev.lrrecsys.workbench.insight.CaseAnalysis.ModelSpread;
import dev.lrrecsys.workbench.insight.WordSalience.WordWeight;
import dev.lrrecsys.workbench.store.CaseRepository.CaseRun;
import dev.lrrecsys.workbench.store.CaseRepository.ProductItem;
import dev.lrrecsys.workbench.store.CaseRepository.SampleItem;
import dev.lrrecsys.workbench.ui.ColumnFit;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.LabelConverter;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import dev.lrrecsys.workbench.workflow.InspectCase.CaseReport;
import dev.lrrecsys.workbench.workflow.InspectCase.CaseState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Binds CaseWorkbench.fxml: the case's consumer, candidate and history as attribute tables, the edit fields, every
 * model's prediction against the truth, the old and new 6x6 attention as heat maps with their values, and the word
 * salience of both explanations as highlighted words and as a list.
 */
public final class CaseWorkbenchView implements WorkbenchView {

    static final String[] TOKENS = {"pos", "neg", "consumer", "product", "sequence", "context"};
    /** Colour bins of the heat map (styles/workbench.css: heat-0 .. heat-9). */
    static final int HEAT_BINS = 10;

    private final ProjectContext context;
    private final CaseWorkbenchViewModel viewModel;
    private final Parent root;

    @FXML private TextField searchField;
    @FXML private ComboBox<SampleItem> sampleBox;
    @FXML private ComboBox<CaseRun> runBox;
    @FXML private Label messageLabel;
    @FXML private TableView<AttributeRow> consumerTable;
    @FXML private TableView<AttributeRow> candidateTable;
    @FXML private TableView<AttributeRow> historyTable;
    @FXML private TextArea positiveArea;
    @FXML private TextArea negativeArea;
    @FXML private TextField historyField;
    @FXML private TextField candidateField;
    @FXML private Button predictButton;
    @FXML private TextField whatIfField;
    @FXML private Label truthLabel;
    @FXML private Label predictionLabel;
    @FXML private Label counterfactualLabel;
    @FXML private TableView<ModelSpread> modelTable;
    @FXML private HBox heatmapBox;
    @FXML private FlowPane positiveWords;
    @FXML private FlowPane negativeWords;
    @FXML private TableView<SalientWord> salienceTable;
    @FXML private Label feedingLabel;
    @FXML private Label lcLabel;
    @FXML private Label icLabel;
    @FXML private Label alignmentLabel;
    @FXML private Label productSearchCaption;
    @FXML private TextField productSearchField;
    @FXML private Label productCountLabel;
    @FXML private ListView<ProductItem> productList;
    @FXML private Button useCandidateButton;
    @FXML private Button swapHistoryButton;
    @FXML private ComboBox<String> historySlotBox;

    /** One attribute and its value in each column (stored and edited, or each history product). */
    public record AttributeRow(String attribute, List<String> values) {
    }

    /** A word of one side with its change of prediction. */
    public record SalientWord(String side, int position, String word, double change, boolean known) {
    }

    public CaseWorkbenchView(ProjectContext context) {
        this.context = context;
        this.viewModel = new CaseWorkbenchViewModel(context.background(), context.project(), e -> context.errors().accept("Load case", e));
        this.root = FxmlViews.load("CaseWorkbench", this);
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        sampleBox.setItems(viewModel.samples());
        sampleBox.setConverter(LabelConverter.of(SampleItem::label));
        sampleBox.setOnAction(e -> {
            SampleItem s = sampleBox.getValue();
            CaseReport r = viewModel.reportProperty().get();
            if (s != null && (r == null || r.sampleId() != s.id())) {
                viewModel.open(s.id(), r == null ? null : r.run().id());
            }
        });
        runBox.setItems(viewModel.runs());
        runBox.valueProperty().bindBidirectional(viewModel.runProperty());
        runBox.setConverter(LabelConverter.of(CaseRun::label));
        messageLabel.textProperty().bind(viewModel.messageProperty());
        positiveArea.textProperty().bindBidirectional(viewModel.positiveProperty());
        negativeArea.textProperty().bindBidirectional(viewModel.negativeProperty());
        historyField.textProperty().bindBidirectional(viewModel.historyProperty());
        candidateField.textProperty().bindBidirectional(viewModel.candidateProperty());
        whatIfField.textProperty().bindBidirectional(viewModel.whatIfNameProperty());
        predictButton.disableProperty().bind(viewModel.busyProperty());
        feedingLabel.textProperty().bind(viewModel.feedingProperty());
        feedingLabel.visibleProperty().bind(viewModel.feedingProperty().isNotEmpty());
        feedingLabel.managedProperty().bind(feedingLabel.visibleProperty());
        lcLabel.textProperty().bind(viewModel.lcProperty());
        icLabel.textProperty().bind(viewModel.icProperty());
        alignmentLabel.textProperty().bind(viewModel.alignmentNoteProperty());
        lcLabel.setId("caseLc");
        icLabel.setId("caseIc");
        alignmentLabel.setId("caseAlignment");
        feedingLabel.setId("caseFeeding");
        productPicker();
        for (TableView<?> t : List.of(consumerTable, candidateTable, historyTable, modelTable, salienceTable)) {
            t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        }
        modelTable.setPlaceholder(new Label("No stored predictions: training samples are not predicted by experiments."));
        modelTable.getColumns().setAll(List.of(column("Model", ModelSpread::model), column("Runs", ModelSpread::runs),
                column("Mean [0,1]", m -> format(m.mean())), column("Spread (sd)", m -> Double.isNaN(m.sd()) ? "one run" : format(m.sd())),
                column("Min", m -> format(m.min())), column("Max", m -> format(m.max())),
                column("|mean - truth|", m -> format(Math.abs(m.mean() - truthOf())))));
        salienceTable.setPlaceholder(new Label("No salience: the run reads no explanations."));
        salienceTable.getColumns().setAll(List.of(column("Side", SalientWord::side), column("#", (SalientWord w) -> w.position() + 1),
                column("Word", SalientWord::word), column("Change", w -> String.format(Locale.ROOT, "%+.4f", w.change())),
                column("Known", w -> w.known() ? "yes" : "no (unknown to the autoencoder)")));
        for (TableView<?> t : List.of(consumerTable, candidateTable, historyTable, modelTable, salienceTable)) {
            ColumnFit.install(t);
        }
        predictionLabel.setId("casePrediction");
        modelTable.setId("caseModels");
        counterfactualLabel.setId("counterfactualPrediction");
        positiveArea.setId("positiveEdit");
        negativeArea.setId("negativeEdit");
        viewModel.reportProperty().addListener((o, was, now) -> show(now));
        refresh();
    }

    /**
     * The product picker: typing filters (off the JavaFX thread, at most {@value CaseWorkbenchViewModel#PRODUCT_LIMIT}
     * listed); Down or Enter in the search field goes to the list; the buttons put the chosen product into the
     * candidate or history field, which stay editable by hand.
     */
    private void productPicker() {
        productSearchCaption.setLabelFor(productSearchField);
        productSearchField.textProperty().bindBidirectional(viewModel.productSearchProperty());
        productCountLabel.textProperty().bind(viewModel.productCountProperty());
        productList.setItems(viewModel.products());
        productList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProductItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        productList.setPlaceholder(new Label("No product matches the search."));
        productSearchField.setOnAction(e -> {
            // Enter would otherwise reach the default button (Predict again).
            e.consume();
            toList();
        });
        productSearchField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                e.consume();
                toList();
            }
        });
        productList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                // Enter in the list picks the product as the candidate; Alt+S swaps it into the history slot chosen.
                e.consume();
                useAsCandidate();
            }
        });
        productList.setId("productList");
        productSearchField.setId("productSearch");
        historySlotBox.setItems(viewModel.historySlots());
        historySlotBox.setId("historySlot");
        // A swap relabels the slots; the same position stays chosen, so several swaps in a row go where aimed.
        int[] chosen = {0};
        historySlotBox.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() >= 0) {
                chosen[0] = now.intValue();
            }
        });
        viewModel.historySlots().addListener((javafx.collections.ListChangeListener<String>) c ->
                historySlotBox.getSelectionModel().select(Math.min(chosen[0], viewModel.historySlots().size() - 1)));
        historySlotBox.getSelectionModel().selectFirst();
        useCandidateButton.disableProperty().bind(productList.getSelectionModel().selectedItemProperty().isNull());
        swapHistoryButton.disableProperty().bind(productList.getSelectionModel().selectedItemProperty().isNull()
                .or(historySlotBox.valueProperty().isNull()));
    }

    private void toList() {
        if (!productList.getItems().isEmpty()) {
            productList.requestFocus();
            if (productList.getSelectionModel().isEmpty()) {
                productList.getSelectionModel().selectFirst();
            }
        }
    }

    @FXML private void useAsCandidate() {
        viewModel.useAsCandidate(productList.getSelectionModel().getSelectedItem());
    }

    @FXML private void swapIntoHistory() {
        viewModel.swapIntoHistory(historySlotBox.getSelectionModel().getSelectedIndex(), productList.getSelectionModel().getSelectedItem());
    }

    private double truthOf() {
        CaseReport r = viewModel.reportProperty().get();
        return r == null ? Double.NaN : r.truth();
    }

    private void show(CaseReport r) {
        if (r == null) {
            return;
        }
        if (sampleBox.getValue() == null || sampleBox.getValue().id() != r.sampleId()) {
            sampleBox.setValue(viewModel.samples().stream().filter(s -> s.id() == r.sampleId()).findFirst()
                    .orElse(new SampleItem(r.sampleId(), r.consumerRows().getOrDefault(" id", ""), r.original().candidateRows()
                            .getOrDefault(" name", ""), r.rating(), r.split())));
        }
        CaseState edited = r.counterfactual();
        attributeTable(consumerTable, List.of("Consumer"), List.of(r.consumerRows()));
        attributeTable(candidateTable, edited == null ? List.of("Stored") : List.of("Stored", "Edited"),
                edited == null ? List.of(r.original().candidateRows()) : List.of(r.original().candidateRows(), edited.candidateRows()));
        List<Map<String, String>> history = edited == null ? r.original().historyRows() : edited.historyRows();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            titles.add("#" + (i + 1) + (edited == null ? "" : " (edited)"));
        }
        attributeTable(historyTable, titles, history);
        truthLabel.setText(format(r.truth()) + " (rating " + trim(r.rating()) + " on " + trim(r.dataset().ratingMin()) + ".."
                + trim(r.dataset().ratingMax()) + ", " + r.split() + " sample)");
        predictionLabel.setText(CaseWorkbenchViewModel.format(r.original().prediction().value())
                + (r.storedPrediction() == null ? "" : "  (stored " + format(r.storedPrediction()) + ")"));
        counterfactualLabel.setText(edited == null ? "no edit" : CaseWorkbenchViewModel.format(edited.prediction().value()));
        modelTable.setItems(FXCollections.observableArrayList(r.models()));
        float[] before = r.original().prediction().attention();
        float[] after = edited == null ? null : edited.prediction().attention();
        heatmapBox.getChildren().clear();
        if (before == null) {
            heatmapBox.getChildren().add(new Label(r.run().model() + " has no attention."));
        } else {
            double max = max(before, after);
            heatmapBox.getChildren().add(heatmap(edited == null ? "Stored case" : "Before", before, max));
            if (after != null) {
                heatmapBox.getChildren().add(heatmap("After the edit", after, max));
            }
            heatmapBox.getChildren().add(legend(max));
        }
        words(positiveWords, r.positiveSalience());
        words(negativeWords, r.negativeSalience());
        List<SalientWord> rows = new ArrayList<>();
        r.positiveSalience().forEach(w -> rows.add(new SalientWord("why", w.position(), w.word(), w.change(), w.known())));
        r.negativeSalience().forEach(w -> rows.add(new SalientWord("why not", w.position(), w.word(), w.change(), w.known())));
        rows.sort((a, b) -> Double.compare(Math.abs(b.change()), Math.abs(a.change())));
        salienceTable.setItems(FXCollections.observableArrayList(rows));
    }

    private static void attributeTable(TableView<AttributeRow> table, List<String> titles, List<Map<String, String>> columns) {
        TreeSet<String> keys = new TreeSet<>();
        columns.forEach(c -> keys.addAll(c.keySet()));
        List<AttributeRow> rows = new ArrayList<>();
        for (String k : keys) {
            List<String> values = new ArrayList<>();
            for (Map<String, String> c : columns) {
                values.add(c.getOrDefault(k, ""));
            }
            // Name, id and city sort first (stored with a leading space); shown without it.
            rows.add(new AttributeRow(k.trim(), values));
        }
        List<TableColumn<AttributeRow, ?>> cols = new ArrayList<>();
        cols.add(column("Attribute", AttributeRow::attribute));
        for (int i = 0; i < titles.size(); i++) {
            int index = i;
            cols.add(column(titles.get(i), (AttributeRow row) -> row.values().get(index)));
        }
        table.getColumns().setAll(cols);
        table.setItems(FXCollections.observableArrayList(rows));
    }

    /** The 6x6 matrix as labelled cells; each cell's colour bin is its value's share of {@code max}. */
    static GridPane heatmap(String title, float[] w, double max) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("heatmap");
        grid.setHgap(1);
        grid.setVgap(1);
        Label caption = new Label(title);
        caption.getStyleClass().add("headline");
        grid.add(caption, 0, 0, 7, 1);
        for (int k = 0; k < 6; k++) {
            Label col = new Label(TOKENS[k]);
            col.getStyleClass().add("heat-axis");
            grid.add(col, k + 1, 1);
            Label row = new Label(TOKENS[k]);
            row.getStyleClass().add("heat-axis");
            grid.add(row, 0, k + 2);
        }
        for (int row = 0; row < 6; row++) {
            for (int col = 0; col < 6; col++) {
                float v = w[row * 6 + col];
                Label cell = new Label(String.format(Locale.ROOT, "%.3f", v));
                cell.getStyleClass().addAll("heat-cell", "heat-" + bin(v, max));
                cell.setAlignment(Pos.CENTER);
                cell.setTooltip(new Tooltip(TOKENS[row] + " attends to " + TOKENS[col] + ": " + String.format(Locale.ROOT, "%.4f", v)));
                grid.add(cell, col + 1, row + 2);
            }
        }
        return grid;
    }

    /** 0 .. HEAT_BINS-1: the value's share of the largest weight shown. */
    static int bin(double v, double max) {
        if (!(max > 0)) {
            return 0;
        }
        return (int) Math.max(0, Math.min(HEAT_BINS - 1, Math.floor(v / max * HEAT_BINS)));
    }

    private static VBox legend(double max) {
        VBox legend = new VBox(1);
        legend.getChildren().add(new Label("scale"));
        for (int b = HEAT_BINS - 1; b >= 0; b--) {
            Label l = new Label(String.format(Locale.ROOT, "%.3f", max * b / HEAT_BINS));
            l.getStyleClass().addAll("heat-cell", "heat-" + b);
            legend.getChildren().add(l);
        }
        return legend;
    }

    private static double max(float[] a, float[] b) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, v);
        }
        if (b != null) {
            for (float v : b) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** Each word tinted by how much it moves the prediction: green up, red down, three strengths. */
    private static void words(FlowPane pane, List<WordWeight> weights) {
        pane.getChildren().clear();
        double max = weights.stream().mapToDouble(w -> Math.abs(w.change())).max().orElse(0);
        for (WordWeight w : weights) {
            Label l = new Label(w.word());
            l.getStyleClass().add("salience-word");
            int strength = max > 0 ? (int) Math.min(3, Math.ceil(Math.abs(w.change()) / max * 3)) : 0;
            if (strength > 0) {
                l.getStyleClass().add((w.change() > 0 ? "salience-up-" : "salience-down-") + strength);
            }
            if (!w.known()) {
                l.getStyleClass().add("salience-unknown");
            }
            l.setTooltip(new Tooltip(String.format(Locale.ROOT, "%+.4f", w.change()) + (w.known() ? "" : " (unknown to the autoencoder)")));
            pane.getChildren().add(l);
        }
    }

    @FXML private void predictAgain() {
        viewModel.predictAgain();
    }

    @FXML private void reset() {
        viewModel.reset();
    }

    @FXML private void saveWhatIf() {
        viewModel.saveWhatIf();
    }

    @FXML private void exportWhatIf() {
        javafx.stage.FileChooser chooser = context.exporter("Export what-if cases").chooser("what-if-cases", "CSV", "*.csv");
        java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            viewModel.exportWhatIf(file.toPath());
        }
    }

    /** Opens a sample (from another view), through the run it was shown with (null: keep or choose the default). */
    public void open(long sampleId, Long runId) {
        CaseReport r = viewModel.reportProperty().get();
        viewModel.open(sampleId, runId != null ? runId : r == null ? null : r.run().id());
    }

    /** Shows the current case (or the first test sample) through another run. */
    public void openRun(long runId) {
        CaseReport r = viewModel.reportProperty().get();
        viewModel.open(r == null ? null : r.sampleId(), runId);
    }

    /** Opens a sample through an experiment's lr-recsys run. */
    public void openInExperiment(long sampleId, long experimentId) {
        viewModel.openInExperiment(sampleId, experimentId);
    }

    CaseWorkbenchViewModel viewModel() {
        return viewModel;
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static <R, V> TableColumn<R, V> column(String title, Function<R, V> value) {
        TableColumn<R, V> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
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
