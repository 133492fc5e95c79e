package dev.lrrecsys.workbench.ui.keywords;

import dev.lrrecsys.workbench.ui.LabelConverter;
import dev.lrrecsys.workbench.insight.Keyword;
import dev.lrrecsys.workbench.insight.KeywordRanking;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductGroup;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductMentions;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import dev.lrrecsys.workbench.ui.ChartPane;
import dev.lrrecsys.workbench.ui.ColumnFit;
import dev.lrrecsys.workbench.ui.FxmlViews;
import dev.lrrecsys.workbench.ui.ProjectContext;
import dev.lrrecsys.workbench.ui.TableCsv;
import dev.lrrecsys.workbench.ui.WorkbenchView;
import dev.lrrecsys.workbench.ui.keywords.KeywordsViewModel.State;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Binds Keywords.fxml: restaurant list, ranking controls, two bar charts and two keyword tables with drill-down. */
public final class KeywordsView implements WorkbenchView {

    private final ProjectContext context;
    private final KeywordsViewModel viewModel;
    private final Parent root;
    private ChartPane positiveChart;
    private ChartPane negativeChart;

    @FXML private ComboBox<Source> sourceBox;
    @FXML private ComboBox<KeywordRanking> rankingBox;
    @FXML private Spinner<Integer> limitSpinner;
    @FXML private Label timingLabel;
    @FXML private TextField productSearch;
    @FXML private TableView<ProductMentions> productTable;
    @FXML private ComboBox<ProductGroup> groupBox;
    @FXML private Label positiveTitle;
    @FXML private Label negativeTitle;
    @FXML private StackPane positiveChartHost;
    @FXML private StackPane negativeChartHost;
    @FXML private StackPane positiveTableHost;
    @FXML private StackPane negativeTableHost;
    @FXML private BorderPane content;
    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyMessage;
    @FXML private Button emptyAction;

    public KeywordsView(ProjectContext context) {
        this.context = context;
        this.viewModel = new KeywordsViewModel(context.background(), context.project().database(),
                e -> context.errors().accept("Load keywords", e));
        this.root = FxmlViews.load("Keywords", this);
    }

    @FXML
    private void initialize() {
        sourceBox.setItems(viewModel.sources());
        sourceBox.setConverter(LabelConverter.of(Source::label));
        sourceBox.valueProperty().bindBidirectional(viewModel.sourceProperty());
        rankingBox.setItems(FXCollections.observableArrayList(KeywordRanking.values()));
        rankingBox.valueProperty().bindBidirectional(viewModel.rankingProperty());
        limitSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(5, 100, viewModel.limitProperty().get(), 5));
        limitSpinner.valueProperty().addListener((o, was, now) -> viewModel.limitProperty().set(now));
        timingLabel.textProperty().bind(viewModel.timingProperty());

        FilteredList<ProductMentions> filtered = new FilteredList<>(viewModel.products());
        productSearch.textProperty().addListener((o, was, now) -> {
            String q = now == null ? "" : now.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(p -> q.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(q)
                    || p.city().toLowerCase(Locale.ROOT).contains(q));
        });
        SortedList<ProductMentions> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(productTable.comparatorProperty());
        productTable.setItems(sorted);
        productTable.setId("keywordProducts");
        productTable.setPlaceholder(new Label("No restaurants."));
        productTable.getColumns().add(column("Restaurant", ProductMentions::name, 170));
        productTable.getColumns().add(column("City", ProductMentions::city, 80));
        TableColumn<ProductMentions, Long> neg = column("# negative", ProductMentions::negative, 80);
        neg.setSortType(TableColumn.SortType.DESCENDING);
        productTable.getColumns().add(neg);
        productTable.getColumns().add(column("# positive", ProductMentions::positive, 80));
        productTable.getSortOrder().add(neg);
        ColumnFit.install(productTable);
        // Opens on a restaurant rather than on empty charts: the first of the list as sorted (most negative).
        sorted.addListener((ListChangeListener<ProductMentions>) c -> selectFirstIfNothingChosen());
        productTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.productProperty().set(now);
            }
        });
        viewModel.productProperty().addListener((o, was, now) -> {
            if (now == null) {
                productTable.getSelectionModel().clearSelection();
            } else {
                showSelected(now);
            }
        });
        sorted.addListener((ListChangeListener<ProductMentions>) c -> {
            if (viewModel.productProperty().get() != null) {
                showSelected(viewModel.productProperty().get());
            }
        });
        groupBox.setItems(viewModel.groups());
        groupBox.setConverter(LabelConverter.of(ProductGroup::label));
        groupBox.valueProperty().bindBidirectional(viewModel.groupProperty());

        positiveTitle.textProperty().bind(viewModel.positiveTitleProperty());
        negativeTitle.textProperty().bind(viewModel.negativeTitleProperty());
        positiveChart = new ChartPane(context.theme().darkProperty(), context.exporter("Export positive keywords chart"));
        negativeChart = new ChartPane(context.theme().darkProperty(), context.exporter("Export negative keywords chart"));
        positiveChart.titlesInExportsOnly();
        negativeChart.titlesInExportsOnly();
        positiveChart.setId("positiveKeywordChart");
        negativeChart.setId("negativeKeywordChart");
        positiveChartHost.getChildren().add(positiveChart);
        negativeChartHost.getChildren().add(negativeChart);
        positiveTableHost.getChildren().add(keywordTable("positiveKeywords", KeywordsViewModel.POSITIVE, viewModel.positive()));
        negativeTableHost.getChildren().add(keywordTable("negativeKeywords", KeywordsViewModel.NEGATIVE, viewModel.negative()));
        viewModel.positive().addListener((ListChangeListener<Keyword>) c -> positiveChart.setChart(chart("Positive keywords", viewModel.positive(), true),
                (chart, palette) -> chart.getCategoryPlot().getRenderer().setSeriesPaint(0, palette.positive())));
        viewModel.negative().addListener((ListChangeListener<Keyword>) c -> negativeChart.setChart(chart("Negative keywords", viewModel.negative(), false),
                (chart, palette) -> chart.getCategoryPlot().getRenderer().setSeriesPaint(0, palette.negative())));

        viewModel.stateProperty().addListener((o, was, now) -> showState(now));
        showState(viewModel.stateProperty().get());
        refresh();
    }

    /** Selects the view model's restaurant in the list (after a reload the list's selection is gone). */
    private void showSelected(ProductMentions p) {
        ProductMentions shown = productTable.getSelectionModel().getSelectedItem();
        if (shown == null || shown.id() != p.id()) {
            productTable.getItems().stream().filter(i -> i.id() == p.id()).findFirst()
                    .ifPresent(i -> productTable.getSelectionModel().select(i));
        }
    }

    private void selectFirstIfNothingChosen() {
        if (!productTable.getItems().isEmpty() && viewModel.productProperty().get() == null
                && viewModel.groupProperty().get() == null && productTable.getSelectionModel().isEmpty()) {
            productTable.getSelectionModel().select(0);
        }
    }

    private void showState(State state) {
        boolean ready = state == State.READY;
        content.setVisible(ready);
        emptyState.setVisible(!ready);
        switch (state) {
            case LOADING -> {
                emptyTitle.setText("Loading...");
                emptyMessage.setText("");
                emptyAction.setVisible(false);
            }
            case NO_EXPLANATIONS -> {
                emptyTitle.setText("No explanations yet");
                emptyMessage.setText("Keywords come from the explanations: generate them first (offline reasoner or Ollama).");
                emptyAction.setText("Generate...");
                emptyAction.setVisible(true);
            }
            case NOT_BUILT -> {
                emptyTitle.setText("Keyword index not built");
                emptyMessage.setText(viewModel.stateMessageProperty().get());
                emptyAction.setText("Build keyword index");
                emptyAction.setVisible(true);
            }
            case READY -> { }
        }
    }

    private VBox keywordTable(String id, String side, List<Keyword> items) {
        TableView<Keyword> table = new TableView<>();
        table.setId(id);
        table.setItems((javafx.collections.ObservableList<Keyword>) items);
        table.setPlaceholder(new Label("No keywords."));
        TableColumn<Keyword, String> term = new TableColumn<>("Keyword");
        term.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().term()));
        TableColumn<Keyword, Long> count = new TableColumn<>("Explanations");
        count.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().count()));
        TableColumn<Keyword, String> per = new TableColumn<>("Share");
        per.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.3f", cd.getValue().perExplanation())));
        TableColumn<Keyword, String> z = new TableColumn<>("Distinctiveness (z)");
        z.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.2f", cd.getValue().distinctiveness())));
        TableColumn<Keyword, String> peers = new TableColumn<>("Peers' share");
        peers.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%.3f", cd.getValue().peerShare())));
        table.getColumns().addAll(List.of(term, count, per, peers, z));
        ColumnFit.install(table);
        table.setTooltip(new Tooltip("Double-click a keyword to read the explanations that contain it"));
        table.setOnMouseClicked(e -> {
            Keyword k = table.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && k != null) {
                context.navigation().showExplanations(viewModel.drillDown(side, k));
            }
        });
        Button csv = new Button("Export CSV");
        csv.setTooltip(new Tooltip("Save these keywords as CSV"));
        csv.setOnAction(e -> {
            var rows = TableCsv.snapshot(table);
            context.exporter("Export " + side + " keywords CSV").chooseAndSave(root, "keywords " + side + " "
                    + viewModel.targetLabel(), "CSV", "*.csv", f -> TableCsv.write(rows, f));
        });
        VBox box = new VBox(4, table, csv);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private JFreeChart chart(String title, List<Keyword> keywords, boolean positive) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        KeywordRanking ranking = viewModel.rankingProperty().get();
        for (Keyword k : keywords) {
            double value = switch (ranking) {
                case FREQUENCY -> k.count();
                case DISTINCTIVENESS -> k.distinctiveness();
                case PEERS -> k.peerDifference();
            };
            data.addValue(value, positive ? "positive" : "negative", k.term());
        }
        String axisLabel = switch (ranking) {
            case FREQUENCY -> "Explanations";
            case DISTINCTIVENESS -> "Distinctiveness (z)";
            case PEERS -> "Share minus peers' share";
        };
        // The title names what was aggregated, so an exported chart still says whose keywords these are.
        JFreeChart chart = ChartFactory.createBarChart(title + ": " + viewModel.targetLabel(), null,
                axisLabel, data, PlotOrientation.HORIZONTAL, false, true, false);
        chart.addSubtitle(new TextTitle("Source: " + viewModel.sourceLabel()));
        // Keywords are the point of the chart: their labels get up to half its width instead of the default
        // share, which cut "payment payment" and "payment cash" to the same "payme..."; a smaller font keeps
        // fifteen of them apart in a small window.
        CategoryAxis axis = chart.getCategoryPlot().getDomainAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.5f);
        axis.setTickLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        return chart;
    }

    @FXML
    private void buildIndex() {
        context.navigation().buildKeywordIndex();
    }

    @FXML
    private void emptyAction() {
        if (viewModel.stateProperty().get() == State.NO_EXPLANATIONS) {
            context.navigation().generateExplanations();
        } else {
            context.navigation().buildKeywordIndex();
        }
    }

    private static <T, V> TableColumn<T, V> column(String title, Function<T, V> value, double width) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }


    /** The source the view currently aggregates (for the window's "Build keyword index" action). */
    public Source source() {
        return viewModel.sourceProperty().get();
    }

    public KeywordsViewModel viewModel() {
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
