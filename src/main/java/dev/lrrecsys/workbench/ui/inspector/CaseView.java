package dev.lrrecsys.workbench.ui.inspector;

import dev.lrrecsys.workbench.ui.LabelConverter;
import dev.lrrecsys.workbench.store.RunBrowseRepository.CaseExplanation;
import dev.lrrecsys.workbench.store.RunBrowseRepository.CasePrediction;
import dev.lrrecsys.workbench.store.RunBrowseRepository.HistoryItem;
import dev.lrrecsys.workbench.ui.ChartPane;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Binds CaseInspector.fxml: the sample's story as text, the 6x6 heat map and the predictions against the truth. */
public final class CaseView implements WorkbenchView {

    private static final String[] TOKENS = {"pos", "neg", "consumer", "product", "sequence", "context"};

    private final ProjectContext context;
    private final CaseViewModel viewModel;
    private final Parent root;
    private ChartPane heatmap;

    @FXML private TextField sampleField;
    @FXML private ComboBox<CasePrediction> runBox;
    @FXML private Label messageLabel;
    @FXML private TextArea storyArea;
    @FXML private StackPane heatmapHost;
    @FXML private TableView<PredictionRow> predictionTable;

    /** A prediction next to the truth, both on [0,1] and on the dataset's scale. */
    public record PredictionRow(long run, String model, int repeat, double fraction, double predicted, double predictedOriginal,
                                double truth, double absoluteError) {
    }

    public CaseView(ProjectContext context) {
        this.context = context;
        this.viewModel = new CaseViewModel(context.background(), context.project().database(), e -> context.errors().accept("Load case", e));
        this.root = FxmlViews.load("CaseInspector", this);
    }

    @FXML
    private void initialize() {
        sampleField.textProperty().bindBidirectional(viewModel.sampleTextProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        runBox.setItems(viewModel.attentionRuns());
        runBox.valueProperty().bindBidirectional(viewModel.attentionRunProperty());
        runBox.setConverter(LabelConverter.of((CasePrediction p) -> "run " + p.runId() + " (" + p.model() + ", repeat " + (p.repeat() + 1) + ")"));
        storyArea.setId("caseStory");
        heatmap = new ChartPane(context.theme().darkProperty(), context.exporter("Export attention heat map"));
        heatmap.setId("attentionHeatmap");
        heatmapHost.getChildren().add(heatmap);
        predictionTable.setId("casePredictions");
        predictionTable.setPlaceholder(new Label("No predictions for this sample yet."));
        // Sized to content (a squeezing policy cut every prediction to "0..." at 1024x700); wide tables scroll.
        predictionTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        predictionTable.getColumns().add(column("Run", PredictionRow::run));
        predictionTable.getColumns().add(column("Model", PredictionRow::model));
        // Repeats count from 1 in the window, as training progress does; stored values count from 0.
        predictionTable.getColumns().add(column("Repeat", r -> r.repeat() + 1));
        predictionTable.getColumns().add(column("Fraction", PredictionRow::fraction));
        predictionTable.getColumns().add(column("Predicted [0,1]", r -> fmt(r.predicted())));
        predictionTable.getColumns().add(column("Predicted (scale)", r -> fmt(r.predictedOriginal())));
        predictionTable.getColumns().add(column("Truth [0,1]", r -> fmt(r.truth())));
        predictionTable.getColumns().add(column("|error|", r -> fmt(r.absoluteError())));
        dev.lrrecsys.workbench.ui.ColumnFit.install(predictionTable);
        viewModel.currentProperty().addListener((o, was, now) -> show(now));
        viewModel.matrixProperty().addListener((o, was, now) -> heatmap.setChart(now == null ? null : heatmap(now)));
        refresh();
    }

    private void show(CaseViewModel.Case c) {
        if (c == null) {
            storyArea.clear();
            predictionTable.getItems().clear();
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("Consumer ").append(c.sample().consumer()).append(", ").append(c.sample().split()).append(" sample ")
                .append(c.sample().id()).append('\n');
        b.append("Truth: rating ").append(fmt(c.sample().rating())).append(" on ").append(fmt(c.dataset().ratingMin())).append("..")
                .append(fmt(c.dataset().ratingMax())).append(c.dataset().isHigh(c.sample().rating()) ? " (high)" : " (low)").append("\n\n");
        b.append("History (oldest first):\n");
        int i = 1;
        for (HistoryItem h : c.sample().history()) {
            b.append("  ").append(i++).append(". ").append(h.name());
            if (!h.attributes().isEmpty()) {
                b.append("  [").append(h.attributes()).append(']');
            }
            b.append('\n');
            if (h.profile() != null) {
                b.append("     profile: ").append(h.profile()).append('\n');
            }
        }
        b.append("\nCandidate: ").append(c.sample().product());
        if (!c.sample().productAttributes().isEmpty()) {
            b.append("  [").append(c.sample().productAttributes()).append(']');
        }
        b.append('\n');
        if (c.sample().productProfile() != null) {
            b.append("  profile: ").append(c.sample().productProfile()).append('\n');
        }
        b.append("\nExplanations:\n");
        if (c.explanations().isEmpty()) {
            b.append("  none yet (Run > Generate explanations)\n");
        }
        for (CaseExplanation e : c.explanations()) {
            b.append("  [").append(e.side()).append(", ").append(e.generator()).append(" / ").append(e.model());
            if (!"contrastive".equals(e.variant())) {
                b.append(", ").append(e.variant());
            }
            b.append(", ").append(e.status()).append("] ").append(e.text() == null ? "(no text)" : e.text()).append('\n');
        }
        storyArea.setText(b.toString());
        double truth = c.dataset().scaled(c.sample().rating());
        List<PredictionRow> rows = c.predictions().stream().map(p -> new PredictionRow(p.runId(), p.model(), p.repeat(), p.trainFraction(),
                p.value(), c.dataset().ratingMin() + p.value() * (c.dataset().ratingMax() - c.dataset().ratingMin()), truth,
                Math.abs(p.value() - truth))).toList();
        predictionTable.setItems(FXCollections.observableArrayList(rows));
    }

    private JFreeChart heatmap(float[] w) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][36];
        for (int row = 0; row < 6; row++) {
            for (int col = 0; col < 6; col++) {
                int k = row * 6 + col;
                series[0][k] = col;
                series[1][k] = 5 - row;
                series[2][k] = w[k];
            }
        }
        data.addSeries("attention", series);
        String[] reversed = new String[6];
        for (int r = 0; r < 6; r++) {
            reversed[r] = TOKENS[5 - r];
        }
        SymbolAxis x = new SymbolAxis("attended token (column)", TOKENS);
        SymbolAxis y = new SymbolAxis("query token (row)", reversed);
        XYBlockRenderer renderer = new XYBlockRenderer();
        double max = 0;
        for (float v : w) {
            max = Math.max(max, v);
        }
        GrayPaintScale scale = new GrayPaintScale(0, Math.max(max, 1e-6));
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("6x6 attention weights",
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis("weight"));
        legend.setPosition(RectangleEdge.RIGHT);
        chart.addSubtitle(legend);
        return chart;
    }

    @FXML private void open() {
        viewModel.openTyped();
    }

    /** Opens a sample (from another view). */
    public void open(long sampleId) {
        viewModel.open(sampleId);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static <V> TableColumn<PredictionRow, V> column(String title, Function<PredictionRow, V> value) {
        TableColumn<PredictionRow, V> c = new TableColumn<>(title);
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
