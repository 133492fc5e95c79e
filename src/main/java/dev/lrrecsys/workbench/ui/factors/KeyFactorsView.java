package dev.lrrecsys.workbench.ui.factors;

import dev.lrrecsys.workbench.store.KeyFactorRepository.FactorRow;
import dev.lrrecsys.workbench.ui.ChartPane;
import dev.lrrecsys.workbench.ui.ColumnFit;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.LabelConverter;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.TableCsv;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import dev.lrrecsys.workbench.ui.factors.KeyFactorsViewModel.Segment;
import dev.lrrecsys.workbench.ui.factors.KeyFactorsViewModel.State;
import dev.lrrecsys.workbench.workflow.FindKeyFactors;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Binds KeyFactors.fxml: segment chooser, the segment's key factors as signed gate bars and as a table. */
public final class KeyFactorsView implements WorkbenchView {

    private final ProjectContext context;
    private final KeyFactorsViewModel viewModel;
    private final Parent root;
    private ChartPane chart;

    @FXML private ComboBox<Segment> segmentBox;
    @FXML private Label summaryLabel;
    @FXML private StackPane chartHost;
    @FXML private TableView<FactorRow> factorTable;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyMessage;
    @FXML private Button emptyAction;

    public KeyFactorsView(ProjectContext context) {
        this.context = context;
        this.viewModel = new KeyFactorsViewModel(context.background(), context.project().database(),
                context.project().name(), e -> context.errors().accept("Load key factors", e));
        this.root = FxmlViews.load("KeyFactors", this);
    }

    @FXML
    private void initialize() {
        segmentBox.setId("segmentBox");
        segmentBox.setItems(viewModel.segments());
        segmentBox.setConverter(LabelConverter.of(Segment::label));
        segmentBox.valueProperty().bindBidirectional(viewModel.segmentProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());

        factorTable.setId("keyFactors");
        factorTable.setItems(viewModel.factors());
        factorTable.setPlaceholder(new Label("No key factors in this segment."));
        factorTable.getColumns().add(column("Factor", FactorRow::label));
        factorTable.getColumns().add(column("Kind", FactorRow::kind));
        factorTable.getColumns().add(column("Gate", f -> String.format(Locale.ROOT, "%.3f", f.gate())));
        factorTable.getColumns().add(column("Effect", f -> String.format(Locale.ROOT, "%+.3f", f.effect())));
        factorTable.getColumns().add(column("Sign", KeyFactorsViewModel::sign));
        ColumnFit.install(factorTable);

        chart = new ChartPane(context.theme().darkProperty(), context.exporter("Export key factors chart"));
        chart.titlesInExportsOnly();
        chart.setId("keyFactorChart");
        chartHost.getChildren().add(chart);
        viewModel.factors().addListener((ListChangeListener<FactorRow>) c -> chart.setChart(chart(viewModel.factors()),
                (ch, palette) -> {
                    if (ch.getCategoryPlot().getRenderer() instanceof SignedBars bars) {
                        bars.colours(palette.positive(), palette.negative());
                    }
                }));

        emptyTitle.setText("No key factors yet");
        emptyMessage.setText("Key factors come from mask training over the project's samples (lrw factors): "
                + "find them for the whole dataset here, or per segment with \"Find key factors...\".");
        viewModel.stateProperty().addListener((o, was, now) -> showState(now));
        showState(viewModel.stateProperty().get());
        refresh();
    }

    private void showState(State state) {
        boolean ready = state == State.READY;
        content.setVisible(ready);
        emptyState.setVisible(!ready);
        emptyAction.setVisible(state == State.NO_FACTORS);
        emptyTitle.setText(state == State.LOADING ? "Loading..." : "No key factors yet");
        emptyMessage.setVisible(state == State.NO_FACTORS);
    }

    private JFreeChart chart(List<FactorRow> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FactorRow f : rows) {
            data.addValue(KeyFactorsViewModel.signedGate(f), "gate", f.label());
        }
        JFreeChart c = ChartFactory.createBarChart(viewModel.title(), null,
                "Gate (negative: lowers the rating)", data, PlotOrientation.HORIZONTAL, false, true, false);
        c.addSubtitle(new TextTitle("Source: " + viewModel.sourceLabel()));
        c.getCategoryPlot().setRenderer(new SignedBars());
        // The factor's name is what the chart is read by: up to half the width and three lines, so it shows whole.
        CategoryAxis axis = c.getCategoryPlot().getDomainAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.5f);
        axis.setMaximumCategoryLabelLines(3);
        axis.setTickLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        return c;
    }

    /** Bars coloured by the sign of their value: the theme's positive colour up, its negative colour down. */
    static final class SignedBars extends BarRenderer {
        private Paint raises = java.awt.Color.GREEN.darker();
        private Paint lowers = java.awt.Color.RED.darker();

        void colours(Paint raises, Paint lowers) {
            this.raises = raises;
            this.lowers = lowers;
            fireChangeEvent();
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            CategoryDataset d = getPlot() == null ? null : getPlot().getDataset();
            Number v = d == null ? null : d.getValue(row, column);
            return v != null && v.doubleValue() < 0 ? lowers : raises;
        }
    }

    @FXML
    private void exportCsv() {
        var rows = TableCsv.snapshot(factorTable);
        context.exporter("Export key factors CSV").chooseAndSave(root, viewModel.title(), "CSV", "*.csv",
                f -> TableCsv.write(rows, f));
    }

    /** Asks for the attribute to find key factors per (or the whole dataset only), then runs the workflow. */
    @FXML
    private void findKeyFactors() {
        Segment shown = viewModel.segmentProperty().get();
        SegmentChoiceDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(), context.background(),
                context.project(), shown == null ? null : shown.attribute(), context.navigation()::findKeyFactors,
                e -> context.errors().accept("Find key factors", e));
    }

    @FXML
    private void findForWholeDataset() {
        context.navigation().findKeyFactors(FindKeyFactors.Settings.defaults());
    }

    private static <V> TableColumn<FactorRow, V> column(String title, Function<FactorRow, V> value) {
        TableColumn<FactorRow, V> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    public KeyFactorsViewModel viewModel() {
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
