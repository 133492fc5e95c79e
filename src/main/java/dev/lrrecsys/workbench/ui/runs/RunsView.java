package dev.lrrecsys.workbench.ui.runs;

import dev.lrrecsys.workbench.ui.LabelConverter;
import dev.lrrecsys.workbench.store.RunBrowseRepository.ExperimentItem;
import dev.lrrecsys.workbench.store.RunRecord;
import dev.lrrecsys.workbench.ui.ChartPane;
import dev.lrrecsys.workbench.ui.ColumnFit;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.RunPicker;
import dev.lrrecsys.workbench.insight.ExperimentComparison;
import dev.lrrecsys.workbench.ui.TableCsv;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import dev.lrrecsys.workbench.ui.runs.RunsViewModel.ResultRow;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.Locale;
import java.util.function.Function;

/** Binds Runs.fxml: the comparison table, the runs of the chosen fraction and the selected run's training curve. */
public final class RunsView implements WorkbenchView {

    private static final double ROW_HEIGHT = 30;
    private static final double HEADER_HEIGHT = 40;
    /** Room for a horizontal scroll bar when the metric columns are wider than the window. */
    private static final double SCROLLBAR_ALLOWANCE = 18;

    private final ProjectContext context;
    private final RunsViewModel viewModel;
    private final Parent root;
    private final TableView<ResultRow> resultTable = new TableView<>();
    private final Timeline live = new Timeline(new KeyFrame(Duration.seconds(2), e -> refresh()));
    private ChartPane curveChart;

    @FXML private ComboBox<ExperimentItem> experimentBox;
    @FXML private ComboBox<Double> fractionBox;
    @FXML private Label liveLabel;
    @FXML private RunPicker<ExperimentItem> compareExperimentPicker;
    @FXML private RunPicker<Double> compareFractionPicker;
    @FXML private StackPane tableHost;
    @FXML private Label summaryLabel;
    @FXML private TableView<RunRecord> runTable;
    @FXML private StackPane curveHost;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;

    public RunsView(ProjectContext context) {
        this.context = context;
        this.viewModel = new RunsViewModel(context.background(), context.project().database(), e -> context.errors().accept("Load runs", e));
        this.root = FxmlViews.load("Runs", this);
    }

    @FXML
    private void initialize() {
        experimentBox.setItems(viewModel.experiments());
        experimentBox.setConverter(LabelConverter.of(ExperimentItem::label));
        experimentBox.valueProperty().bindBidirectional(viewModel.experimentProperty());
        fractionBox.setItems(viewModel.fractions());
        fractionBox.valueProperty().bindBidirectional(viewModel.fractionProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());

        resultTable.setId("resultTable");
        resultTable.setItems(viewModel.rows());
        resultTable.setPlaceholder(new Label("No finished runs in this experiment yet."));
        // Unconstrained: squeezing seven metric columns into a narrow window hid most of them.
        resultTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        viewModel.metricNames().addListener((ListChangeListener<String>) c -> rebuildColumns());
        ColumnFit.install(resultTable);
        // The table is as tall as its rows (the best baseline is the row people look for, often the last), and
        // the split pane below cannot squeeze it: it keeps at least that height.
        resultTable.setFixedCellSize(ROW_HEIGHT);
        viewModel.rows().addListener((ListChangeListener<ResultRow>) c -> sizeToRows());
        sizeToRows();
        Button csv = new Button("Export CSV");
        csv.setOnAction(e -> {
            var rows = TableCsv.snapshot(resultTable);
            var experiment = viewModel.experimentProperty().get();
            context.exporter("Export result table CSV").chooseAndSave(root, experiment == null ? "results"
                    : "experiment " + experiment.id() + " results", "CSV", "*.csv", f -> TableCsv.write(rows, f));
        });
        compareExperimentPicker.bind(viewModel.compareExperiment(), ExperimentItem::label);
        compareFractionPicker.bind(viewModel.compareFraction(), f -> String.format(Locale.ROOT, "%.2f", f));
        TableView<ExperimentComparison.Row> comparisonTable = new TableView<>(viewModel.comparison());
        comparisonTable.setId("comparisonTable");
        comparisonTable.setPlaceholder(new Label("No second experiment picked."));
        comparisonTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        comparisonTable.getColumns().add(column("Model", ExperimentComparison.Row::model, 110));
        comparisonTable.getColumns().add(column("Metric", ExperimentComparison.Row::metric, 120));
        comparisonTable.getColumns().add(column("First: mean (sd)", ExperimentComparison.Row::first, 130));
        comparisonTable.getColumns().add(column("Second: mean (sd)", ExperimentComparison.Row::second, 130));
        comparisonTable.getColumns().add(column("Difference", r -> Double.isNaN(r.difference()) ? ""
                : String.format(Locale.ROOT, "%+.4f", r.difference()), 90));
        comparisonTable.getColumns().add(column("", ExperimentComparison.Row::verdict, 100));
        ColumnFit.install(comparisonTable);
        Label comparisonTitle = new Label();
        comparisonTitle.textProperty().bind(viewModel.comparisonTitleProperty());
        // The comparison table takes room only once a second experiment is picked.
        comparisonTable.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.comparison()));
        comparisonTable.managedProperty().bind(comparisonTable.visibleProperty());
        VBox box = new VBox(4, resultTable, csv, comparisonTitle, comparisonTable);
        VBox.setVgrow(resultTable, Priority.ALWAYS);
        VBox.setVgrow(comparisonTable, Priority.ALWAYS);
        tableHost.getChildren().add(box);

        runTable.setId("runTable");
        runTable.setItems(viewModel.runs());
        runTable.setPlaceholder(new Label("No runs."));
        runTable.setTooltip(new javafx.scene.control.Tooltip("Double-click a finished run to look at its cases in the case workbench"));
        runTable.setOnMouseClicked(e -> {
            RunRecord r = runTable.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && r != null && "done".equals(r.status())) {
                context.navigation().showRunInCase(r.id());
            }
        });
        runTable.getColumns().add(column("Run", RunRecord::id, 50));
        runTable.getColumns().add(column("Model", RunRecord::model, 100));
        // Stored repeats count from 0; the window counts from 1, as training progress does ("repeat 2/2").
        runTable.getColumns().add(column("Repeat", r -> r.repeat() + 1, 60));
        runTable.getColumns().add(column("Status", RunRecord::status, 80));
        runTable.getColumns().add(column("Epochs", RunRecord::epochs, 60));
        runTable.getColumns().add(column("Seconds", r -> r.seconds() == null ? "" : String.format(Locale.ROOT, "%.1f", r.seconds()), 70));
        ColumnFit.install(runTable);
        runTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.selectedRunProperty().set(now);
            }
        });
        curveChart = new ChartPane(context.theme().darkProperty(), context.exporter("Export training curve"));
        curveChart.setId("curveChart");
        curveHost.getChildren().add(curveChart);
        viewModel.curve().addListener((ListChangeListener<double[]>) c -> curveChart.setChart(curve()));

        live.setCycleCount(Timeline.INDEFINITE);
        viewModel.runningProperty().addListener((o, was, now) -> {
            liveLabel.setText(now ? "Training: updating live" : "");
            if (now) {
                live.play();
            } else {
                live.stop();
            }
        });
        refresh();
    }

    private void sizeToRows() {
        int rows = Math.max(1, viewModel.rows().size());
        double height = HEADER_HEIGHT + rows * ROW_HEIGHT + SCROLLBAR_ALLOWANCE;
        resultTable.setMinHeight(height);
        resultTable.setPrefHeight(height);
        resultTable.setMaxHeight(height);
    }

    private void rebuildColumns() {
        resultTable.getColumns().clear();
        resultTable.getColumns().add(column("Model", ResultRow::model, 120));
        resultTable.getColumns().add(column("Role", ResultRow::role, 90));
        resultTable.getColumns().add(column("Runs", ResultRow::runs, 50));
        for (int i = 0; i < viewModel.metricNames().size(); i++) {
            int index = i;
            resultTable.getColumns().add(column(viewModel.metricNames().get(i) + " mean (sd)", r -> r.cells().get(index), 150));
        }
    }

    private JFreeChart curve() {
        RunRecord run = viewModel.selectedRunProperty().get();
        XYSeries loss = new XYSeries("training loss");
        XYSeries val = new XYSeries("validation metric (validation part of training)");
        for (double[] p : viewModel.curve()) {
            loss.add(p[0], p[1]);
            if (!Double.isNaN(p[2])) {
                val.add(p[0], p[2]);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(run == null ? "Training curve" : "Run " + run.id() + " (" + run.model() + ")",
                "Epoch", "Loss", new XYSeriesCollection(loss), PlotOrientation.VERTICAL, true, true, false);
        if (run != null) {
            // Exported curves say which run of which experiment and project they show.
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "Experiment %d, repeat %d, training fraction %.2f, project %s",
                    run.experimentId(), run.repeat() + 1, run.trainFraction(), context.project().name())));
        }
        XYPlot plot = chart.getXYPlot();
        NumberAxis validation = new NumberAxis("Validation metric");
        validation.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, validation);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setDataset(1, new XYSeriesCollection(val));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, true));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    @FXML private void train() {
        context.navigation().train();
    }

    private static <T, V> TableColumn<T, V> column(String title, Function<T, V> value, double width) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
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
