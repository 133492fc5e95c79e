package dev.lrrecsys.workbench.ui.attention;

import dev.lrrecsys.workbench.evaluate.AttentionSummary;
import dev.lrrecsys.workbench.insight.AttentionHistograms;
import dev.lrrecsys.workbench.store.RunBrowseRepository.AttentionRun;
import dev.lrrecsys.workbench.store.RunBrowseRepository.BinSample;
import dev.lrrecsys.workbench.ui.ChartPalette;
import dev.lrrecsys.workbench.ui.ChartPane;
import dev.lrrecsys.workbench.ui.ColumnFit;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.RunPicker;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Function;

/** Binds Attention.fxml: two overlaid histograms (high, low), the pie of shares, and the samples of a clicked bar. */
public final class AttentionView implements WorkbenchView {

    private final ProjectContext context;
    private final AttentionViewModel viewModel;
    private final Parent root;
    private ChartPane high;
    private ChartPane low;
    private ChartPane pie;

    @FXML private RunPicker<AttentionRun> runPicker;
    @FXML private Label meansLabel;
    @FXML private StackPane highHost;
    @FXML private StackPane lowHost;
    @FXML private StackPane pieHost;
    @FXML private Label binTitle;
    @FXML private TableView<BinSample> binTable;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;

    public AttentionView(ProjectContext context) {
        this.context = context;
        this.viewModel = new AttentionViewModel(context.background(), context.project().database(),
                e -> context.errors().accept("Load attention", e));
        this.root = FxmlViews.load("Attention", this);
    }

    @FXML
    private void initialize() {
        // The window counts repeats from 1, as training progress does ("repeat 2/2").
        runPicker.bind(viewModel.run(), r -> "run " + r.id() + ": " + r.model() + ", repeat " + (r.repeat() + 1) + ", fraction "
                + r.trainFraction() + " (experiment " + r.experimentId() + ")");
        meansLabel.textProperty().bind(viewModel.meansProperty());
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        high = chartPane("highHistogram", "Export high-rated histogram", AttentionHistograms.HIGH, highHost);
        low = chartPane("lowHistogram", "Export low-rated histogram", AttentionHistograms.LOW, lowHost);
        pie = new ChartPane(context.theme().darkProperty(), context.exporter("Export attention shares"));
        pie.setId("sharesPie");
        pieHost.getChildren().add(pie);
        binTitle.textProperty().bind(viewModel.binTitleProperty());
        binTable.setId("binSamples");
        binTable.setItems(viewModel.binSamples());
        binTable.setPlaceholder(new Label("No samples selected."));
        binTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        binTable.getColumns().add(column("Sample", BinSample::sampleId));
        binTable.getColumns().add(column("Consumer", BinSample::consumer));
        binTable.getColumns().add(column("Product", BinSample::product));
        binTable.getColumns().add(column("Rating", BinSample::rating));
        binTable.getColumns().add(column("Prediction", b -> Double.isNaN(b.prediction()) ? "" : String.format(Locale.ROOT, "%.3f", b.prediction())));
        binTable.getColumns().add(column("alpha_pos", b -> String.format(Locale.ROOT, "%.4f", b.alphaPos())));
        binTable.getColumns().add(column("alpha_neg", b -> String.format(Locale.ROOT, "%.4f", b.alphaNeg())));
        ColumnFit.install(binTable);
        binTable.setTooltip(new Tooltip("Double-click a sample to open it in the case workbench (through this run)"));
        binTable.setOnMouseClicked(e -> {
            BinSample s = binTable.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && s != null) {
                var run = viewModel.run().chosen();
                if (run != null) {
                    context.navigation().showCase(s.sampleId(), run.id());
                } else {
                    context.navigation().showCase(s.sampleId());
                }
            }
        });
        viewModel.analysisProperty().addListener((o, was, now) -> draw(now));
        refresh();
    }

    private ChartPane chartPane(String id, String exportTitle, int group, StackPane host) {
        ChartPane pane = new ChartPane(context.theme().darkProperty(), context.exporter(exportTitle));
        pane.setId(id);
        pane.viewer().addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item) {
                    viewModel.selectBin(group, item.getSeriesIndex(), item.getItem());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                // Only clicks select a bin.
            }
        });
        host.getChildren().add(pane);
        return pane;
    }

    private void draw(AttentionViewModel.Analysis a) {
        if (a == null) {
            high.setChart(null);
            low.setChart(null);
            pie.setChart(null);
            return;
        }
        // Exported charts say which run and project they come from.
        String source = "Run " + a.run().id() + " (" + a.run().model() + ", repeat " + (a.run().repeat() + 1) + ", experiment "
                + a.run().experimentId() + "), project " + context.project().name();
        JFreeChart highChart = histogram(a.histograms(), AttentionHistograms.HIGH, "High-rated test samples (" + a.histograms().high() + ")");
        highChart.addSubtitle(new TextTitle(source));
        high.setChart(highChart, AttentionView::sideColours);
        JFreeChart lowChart = histogram(a.histograms(), AttentionHistograms.LOW, "Low-rated test samples (" + a.histograms().low() + ")");
        lowChart.addSubtitle(new TextTitle(source));
        low.setChart(lowChart, AttentionView::sideColours);
        // The mean over the run's repeats, as `lrw attention` reports it; each slice says its percentage because
        // six near-equal slices cannot be told apart by eye.
        DefaultPieDataset<String> shares = new DefaultPieDataset<>();
        for (int i = 0; i < AttentionSummary.TOKENS.size(); i++) {
            shares.setValue(AttentionSummary.TOKENS.get(i), a.acrossRuns().shares().get(i).mean());
        }
        int runs = a.acrossRuns().runs().size();
        JFreeChart chart = ChartFactory.createPieChart("Share of attention per input token ("
                + (runs == 1 ? "run " + a.run().id() : "mean of " + runs + " runs") + ")", shares, true, true, false);
        ((PiePlot<?>) chart.getPlot()).setLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {2}",
                new DecimalFormat("0"), new DecimalFormat("0.0%", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        chart.addSubtitle(new TextTitle("Experiment " + a.run().experimentId() + ", " + a.run().model() + ", project "
                + context.project().name()));
        pie.setChart(chart);
    }

    static JFreeChart histogram(AttentionHistograms h, int group, String title) {
        XYSeries pos = new XYSeries("alpha_pos");
        XYSeries neg = new XYSeries("alpha_neg");
        double width = h.edges()[1] - h.edges()[0];
        for (int b = 0; b < h.bins(); b++) {
            double centre = h.edges()[b] + width / 2;
            pos.add(centre, h.counts()[group][AttentionHistograms.POS][b]);
            neg.add(centre, h.counts()[group][AttentionHistograms.NEG][b]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(pos);
        data.addSeries(neg);
        data.setIntervalWidth(width);
        JFreeChart chart = ChartFactory.createXYBarChart(title, "Attention weight", false, "Samples", data,
                PlotOrientation.VERTICAL, true, true, false);
        // Side by side within each bin: overlapping translucent bars mixed a third colour the legend did not name.
        ClusteredXYBarRenderer renderer = new ClusteredXYBarRenderer(0.1, false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultToolTipGenerator(chart.getXYPlot().getRenderer().getDefaultToolTipGenerator());
        chart.getXYPlot().setRenderer(renderer);
        return chart;
    }

    /** alpha_pos in the theme's positive colour, alpha_neg in its negative one (bars side by side, opaque). */
    static void sideColours(JFreeChart chart, ChartPalette palette) {
        XYBarRenderer renderer = (XYBarRenderer) chart.getXYPlot().getRenderer();
        renderer.setSeriesPaint(0, palette.positive());
        renderer.setSeriesPaint(1, palette.negative());
    }

    @FXML private void train() {
        context.navigation().train();
    }

    private static <V> TableColumn<BinSample, V> column(String title, Function<BinSample, V> value) {
        TableColumn<BinSample, V> c = new TableColumn<>(title);
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
