package dev.lrrecsys.workbench.ui.dataset;

import dev.lrrecsys.workbench.store.BrowseRows.ConsumerRow;
import dev.lrrecsys.workbench.store.BrowseRows.InteractionRow;
import dev.lrrecsys.workbench.store.BrowseRows.ProductRow;
import dev.lrrecsys.workbench.store.BrowseRows.RatingCount;
import dev.lrrecsys.workbench.ui.ChartPane;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.PagedTable;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.time.Instant;

/** Binds Dataset.fxml: three paged tables, a debounced search field and the rating histogram. */
public final class DatasetView implements WorkbenchView {

    private final ProjectContext context;
    private final DatasetViewModel viewModel;
    private final Parent root;
    private final PauseTransition searchDelay = new PauseTransition(Duration.millis(300));
    private ChartPane histogramChart;

    @FXML private Label countsLabel;
    @FXML private TextField searchField;
    @FXML private TabPane tables;
    @FXML private StackPane chartHost;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;

    public DatasetView(ProjectContext context) {
        this.context = context;
        this.viewModel = new DatasetViewModel(context.background(), context.project().database(),
                e -> context.errors().accept("Load dataset", e));
        this.root = FxmlViews.load("Dataset", this);
    }

    @FXML
    private void initialize() {
        countsLabel.textProperty().bind(viewModel.countsProperty());
        viewModel.searchProperty().bind(searchField.textProperty());
        searchDelay.setOnFinished(e -> viewModel.applySearch());
        searchField.textProperty().addListener((o, was, now) -> searchDelay.playFromStart());
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());

        PagedTable<ConsumerRow> consumers = new PagedTable<>(viewModel.consumers(), "No consumers match.", context.exporter("Export consumers CSV"));
        consumers.column("Id", ConsumerRow::id, 60);
        consumers.column("Consumer", ConsumerRow::externalId, 120);
        consumers.column("Interactions", ConsumerRow::interactions, 90);
        consumers.column("Attributes", ConsumerRow::attributes, 500);
        PagedTable<ProductRow> products = new PagedTable<>(viewModel.products(), "No products match.", context.exporter("Export products CSV"));
        products.column("Id", ProductRow::id, 60);
        products.column("Name", ProductRow::name, 200);
        products.column("City", ProductRow::city, 100);
        products.column("Interactions", ProductRow::interactions, 90);
        products.column("Mean rating", r -> Double.isNaN(r.meanRating()) ? "" : String.format("%.2f", r.meanRating()), 90);
        products.column("Attributes", ProductRow::attributes, 300);
        products.column("Profile", r -> r.profile() == null ? "(no profile yet)" : r.profile(), 300);
        PagedTable<InteractionRow> interactions = new PagedTable<>(viewModel.interactions(), "No interactions match.",
                context.exporter("Export interactions CSV"));
        interactions.column("Id", InteractionRow::id, 80);
        interactions.column("Consumer", InteractionRow::consumer, 120);
        interactions.column("Product", InteractionRow::product, 260);
        interactions.column("Rating", InteractionRow::rating, 70);
        interactions.column("Time", r -> r.timestamp() == null ? "(file order)" : Instant.ofEpochSecond(r.timestamp()).toString(), 180);
        consumers.table().setId("consumersTable");
        products.table().setId("productsTable");
        interactions.table().setId("interactionsTable");
        tables.getTabs().addAll(new Tab("Consumers", consumers), new Tab("Products", products), new Tab("Interactions", interactions));

        histogramChart = new ChartPane(context.theme().darkProperty(), context.exporter("Export rating histogram"));
        histogramChart.setId("ratingHistogram");
        chartHost.getChildren().add(histogramChart);
        viewModel.histogram().addListener((ListChangeListener<RatingCount>) c -> histogramChart.setChart(histogram()));
        refresh();
    }

    private JFreeChart histogram() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RatingCount rc : viewModel.histogram()) {
            String label = rc.rating() == Math.rint(rc.rating()) ? Long.toString((long) rc.rating()) : Double.toString(rc.rating());
            data.addValue(rc.count(), "interactions", label);
        }
        JFreeChart chart = ChartFactory.createBarChart("Rating histogram", "Rating", "Interactions", data,
                PlotOrientation.VERTICAL, false, true, false);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle("Project " + context.project().name()));
        return chart;
    }

    @FXML
    private void importDataset() {
        context.navigation().importDataset();
    }

    public DatasetViewModel viewModel() {
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
