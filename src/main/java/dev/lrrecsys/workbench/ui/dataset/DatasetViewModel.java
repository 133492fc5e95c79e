package dev.lrrecsys.workbench.ui.dataset;

import dev.lrrecsys.workbench.store.BrowseRows.ConsumerRow;
import dev.lrrecsys.workbench.store.BrowseRows.InteractionRow;
import dev.lrrecsys.workbench.store.BrowseRows.ProductRow;
import dev.lrrecsys.workbench.store.BrowseRows.RatingCount;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetBrowseRepository;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.PagedQuery;
import dev.lrrecsys.workbench.ui.ReadJob;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Map;
import java.util.function.Consumer;

/** The Dataset view's state: counts, rating histogram and three paged tables sharing one search text. */
public final class DatasetViewModel {

    private final Background background;
    private final Database database;
    private final DatasetBrowseRepository repository = new DatasetBrowseRepository();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty counts = new SimpleStringProperty("");
    private final BooleanProperty empty = new SimpleBooleanProperty(false);
    private final ObservableList<RatingCount> histogram = FXCollections.observableArrayList();
    private final PagedQuery<ConsumerRow> consumers;
    private final PagedQuery<ProductRow> products;
    private final PagedQuery<InteractionRow> interactions;
    private final LatestOnly summaryLoader = new LatestOnly();
    private final Consumer<Throwable> errors;

    public DatasetViewModel(Background background, Database database, Consumer<Throwable> errors) {
        this.background = background;
        this.database = database;
        this.errors = errors;
        consumers = new PagedQuery<>(background, (after, limit) -> new ReadJob<>("Consumers page", database,
                tx -> repository.consumers(tx, search.get(), after, limit)), errors);
        products = new PagedQuery<>(background, (after, limit) -> new ReadJob<>("Products page", database,
                tx -> repository.products(tx, search.get(), after, limit)), errors);
        interactions = new PagedQuery<>(background, (after, limit) -> new ReadJob<>("Interactions page", database,
                tx -> repository.interactions(tx, search.get(), after, limit)), errors);
    }

    /** Reloads counts, histogram and the first page of every table. */
    public void refresh() {
        summaryLoader.load(background, new ReadJob<>("Dataset summary", database, tx -> new Summary(repository.counts(tx),
                repository.ratingHistogram(tx))), s -> {
            counts.set(formatCounts(s.counts()));
            empty.set(s.counts().values().stream().allMatch(n -> n == 0));
            histogram.setAll(s.histogram());
        }, errors);
        applySearch();
    }

    public void applySearch() {
        consumers.reload();
        products.reload();
        interactions.reload();
    }

    private record Summary(Map<String, Long> counts, java.util.List<RatingCount> histogram) {
    }

    static String formatCounts(Map<String, Long> counts) {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() > 0 ? "   " : "").append(String.format("%,d %s", v, k)));
        return b.toString();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty countsProperty() {
        return counts;
    }

    public BooleanProperty emptyProperty() {
        return empty;
    }

    public ObservableList<RatingCount> histogram() {
        return histogram;
    }

    public PagedQuery<ConsumerRow> consumers() {
        return consumers;
    }

    public PagedQuery<ProductRow> products() {
        return products;
    }

    public PagedQuery<InteractionRow> interactions() {
        return interactions;
    }
}
