package dev.lrrecsys.workbench.ui.uncertainty;

import dev.lrrecsys.workbench.evaluate.UncertaintyAnalysis.Definition;
import dev.lrrecsys.workbench.store.RunBrowseRepository.ExperimentItem;
import dev.lrrecsys.workbench.ui.ChartPalette;
import dev.lrrecsys.workbench.ui.ChartPane;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.LabelConverter;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.RunPicker;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;

/** Binds Uncertainty.fxml: the scatter with its least-squares line and binned means; a click opens the case. */
public final class UncertaintyView implements WorkbenchView {

    private final ProjectContext context;
    private final UncertaintyViewModel viewModel;
    private final Parent root;
    private ChartPane chart;

    @FXML private RunPicker<ExperimentItem> experimentPicker;
    @FXML private RunPicker<Double> fractionPicker;
    @FXML private CheckBox binnedCheck;
    @FXML private ComboBox<Definition> definitionBox;
    @FXML private Label fitLabel;
    @FXML private StackPane chartHost;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;

    public UncertaintyView(ProjectContext context) {
        this.context = context;
        this.viewModel = new UncertaintyViewModel(context.background(), context.project().database(),
                e -> context.errors().accept("Load uncertainty", e));
        this.root = FxmlViews.load("Uncertainty", this);
    }

    @FXML
    private void initialize() {
        experimentPicker.bind(viewModel.experiment(), ExperimentItem::label);
        fractionPicker.bind(viewModel.fraction(), f -> String.format(java.util.Locale.ROOT, "%.2f", f));
        fitLabel.textProperty().bind(viewModel.fitTextProperty());
        definitionBox.getItems().setAll(Definition.values());
        definitionBox.setConverter(LabelConverter.of(Definition::label));
        definitionBox.valueProperty().bindBidirectional(viewModel.definitionProperty());
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        chart = new ChartPane(context.theme().darkProperty(), context.exporter("Export uncertainty vs gain"));
        chart.setId("uncertaintyChart");
        chartHost.getChildren().add(chart);
        chart.viewer().addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                UncertaintyViewModel.Scatter s = viewModel.scatterProperty().get();
                if (s != null && event.getEntity() instanceof XYItemEntity item && item.getDataset() == chart.chart().getXYPlot().getDataset(0)) {
                    var experiment = viewModel.experiment().chosen();
                    if (experiment != null) {
                        context.navigation().showCaseInExperiment(s.sampleIds()[item.getItem()], experiment.id());
                    } else {
                        context.navigation().showCase(s.sampleIds()[item.getItem()]);
                    }
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                // Only clicks open a case.
            }
        });
        viewModel.scatterProperty().addListener((o, was, now) -> draw());
        binnedCheck.selectedProperty().addListener((o, was, now) -> draw());
        refresh();
    }

    private void draw() {
        UncertaintyViewModel.Scatter s = viewModel.scatterProperty().get();
        if (s == null) {
            chart.setChart(null);
            return;
        }
        // Series keep insertion order (autoSort off) so an item index is a point index.
        XYSeries points = new XYSeries("test samples", false, true);
        for (int i = 0; i < s.sampleIds().length; i++) {
            points.add(s.uncertainty()[i], s.gain()[i]);
        }
        JFreeChart c = ChartFactory.createScatterPlot("Uncertainty vs gain over the best baseline",
                "Normalised uncertainty (" + viewModel.definitionProperty().get().label() + ")",
                "Gain (squared error of best baseline minus LR-Recsys)", new XYSeriesCollection(points), PlotOrientation.VERTICAL,
                true, true, false);
        ExperimentItem shown = viewModel.experiment().chosen();
        if (shown != null) {
            // Exported scatters say which experiment and project they show.
            c.addSubtitle(new org.jfree.chart.title.TextTitle("Experiment " + shown.id() + " (" + shown.models() + "), project "
                    + context.project().name()));
        }
        XYPlot plot = c.getXYPlot();
        plot.getRenderer().setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries fit = new XYSeries("least-squares line");
        fit.add(0.0, s.fit().intercept());
        fit.add(1.0, s.fit().intercept() + s.fit().slope());
        lines.addSeries(fit);
        if (binnedCheck.isSelected()) {
            XYSeries binned = new XYSeries("binned means");
            for (int i = 0; i < s.binned().centres().length; i++) {
                if (!Double.isNaN(s.binned().means()[i])) {
                    binned.add(s.binned().centres()[i], s.binned().means()[i]);
                }
            }
            lines.addSeries(binned);
        }
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2f));
        lineRenderer.setSeriesShapesVisible(1, true);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        chart.setChart(c, (scatter, palette) -> {
            XYPlot xy = scatter.getXYPlot();
            xy.getRenderer().setSeriesPaint(0, ChartPalette.translucent(palette.accent(), 110));
            xy.getRenderer(1).setSeriesPaint(0, palette.negative());
            xy.getRenderer(1).setSeriesPaint(1, palette.positive());
        });
    }

    @FXML private void train() {
        context.navigation().train();
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
