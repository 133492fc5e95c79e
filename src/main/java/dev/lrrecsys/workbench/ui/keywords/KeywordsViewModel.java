package dev.lrrecsys.workbench.ui.keywords;

import dev.lrrecsys.workbench.insight.Keyword;
import dev.lrrecsys.workbench.insight.KeywordAggregator;
import dev.lrrecsys.workbench.insight.KeywordAggregator.SideKeywords;
import dev.lrrecsys.workbench.insight.KeywordRanking;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductGroup;
import dev.lrrecsys.workbench.store.KeywordRepository.ProductMentions;
import dev.lrrecsys.workbench.store.KeywordRepository.Source;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.ReadJob;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The seller's view: pick a restaurant (or a city / attribute group) and read the top keywords of its positive and
 * negative explanations, by frequency or distinctiveness, from the keyword precompute.
 */
public final class KeywordsViewModel {

    /** Where the view stands, so it can say what is missing. */
    public enum State { LOADING, NO_EXPLANATIONS, NOT_BUILT, READY }

    public static final String POSITIVE = "positive";
    public static final String NEGATIVE = "negative";

    private final Background background;
    private final Database database;
    private final Consumer<Throwable> errors;
    private final KeywordRepository repository = new KeywordRepository();
    private final KeywordAggregator aggregator = new KeywordAggregator();
    private final ObservableList<Source> sources = FXCollections.observableArrayList();
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final StringProperty stateMessage = new SimpleStringProperty("Loading...");
    private final ObservableList<ProductMentions> products = FXCollections.observableArrayList();
    private final ObservableList<ProductGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<ProductMentions> product = new SimpleObjectProperty<>();
    private final ObjectProperty<ProductGroup> group = new SimpleObjectProperty<>();
    private final ObjectProperty<KeywordRanking> ranking = new SimpleObjectProperty<>(KeywordRanking.PEERS);
    private final IntegerProperty limit = new SimpleIntegerProperty(15);
    private final ObservableList<Keyword> positive = FXCollections.observableArrayList();
    private final ObservableList<Keyword> negative = FXCollections.observableArrayList();
    private final StringProperty positiveTitle = new SimpleStringProperty("Positive explanations");
    private final StringProperty negativeTitle = new SimpleStringProperty("Negative explanations");
    private final StringProperty timing = new SimpleStringProperty("");
    private final LatestOnly sourceLoader = new LatestOnly();
    private final LatestOnly keywordLoader = new LatestOnly();

    public KeywordsViewModel(Background background, Database database, Consumer<Throwable> errors) {
        this.background = background;
        this.database = database;
        this.errors = errors;
        source.addListener((o, was, now) -> loadSource());
        product.addListener((o, was, now) -> {
            if (now != null) {
                group.set(null);
            }
            loadKeywords();
        });
        group.addListener((o, was, now) -> {
            if (now != null) {
                product.set(null);
            }
            loadKeywords();
        });
        ranking.addListener((o, was, now) -> loadKeywords());
        limit.addListener((o, was, now) -> loadKeywords());
    }

    private record Sources(List<Source> built, List<Source> indexable) {
    }

    /** Reloads which sources are indexed, and then the chosen one's product list. */
    public void refresh() {
        state.set(State.LOADING);
        sourceLoader.load(background, new ReadJob<>("Keyword sources", database,
                tx -> new Sources(repository.builtSources(tx), repository.indexableSources(tx))), s -> {
            List<Source> all = new ArrayList<>(s.indexable());
            s.built().stream().filter(b -> !all.contains(b)).forEach(all::add);
            Source chosen = source.get();
            sources.setAll(all);
            if (all.isEmpty()) {
                stateMessage.set("No explanations yet: generate explanations, then build the keyword index.");
                state.set(State.NO_EXPLANATIONS);
                return;
            }
            Source next = chosen != null && all.contains(chosen) ? chosen : preferOffline(all);
            if (next.equals(source.get())) {
                loadSource();
            } else {
                source.set(next);
            }
        }, errors);
    }

    private static Source preferOffline(List<Source> all) {
        return all.stream().filter(s -> "offline".equals(s.generator())).findFirst().orElse(all.get(0));
    }

    private record SourceData(Optional<KeywordRepository.BuiltIndex> built, long leftOut, List<ProductMentions> products,
                              List<ProductGroup> groups) {
    }

    private void loadSource() {
        Source s = source.get();
        if (s == null) {
            return;
        }
        sourceLoader.load(background, new ReadJob<>("Keyword products", database, tx -> new SourceData(repository.built(tx, s),
                repository.leftOut(tx, s), repository.products(tx, s), repository.groups(tx))), d -> {
            if (d.built().isEmpty()) {
                stateMessage.set("The keyword index of " + s.label() + " is not built yet: build it (Run > Build keyword index, Ctrl+K).");
                state.set(State.NOT_BUILT);
                products.clear();
                positive.clear();
                negative.clear();
                return;
            }
            stateMessage.set("Indexed " + d.built().get().explanations() + " explanations of " + s.label()
                    + (d.leftOut() == 0 ? "" : "; " + d.leftOut() + " retrieved explanations left out (written about another product)"));
            state.set(State.READY);
            // Replacing the lists makes the bound boxes drop their value: keep the user's pick (restaurant or
            // group) across a reload, or the city box went blank while the keywords still showed that city.
            ProductMentions chosen = product.get();
            ProductGroup chosenGroup = group.get();
            products.setAll(d.products());
            groups.setAll(d.groups());
            if (chosen != null) {
                products.stream().filter(p -> p.id() == chosen.id()).findFirst().ifPresent(product::set);
            } else if (chosenGroup != null) {
                groups.stream().filter(g -> g.attribute().equals(chosenGroup.attribute()) && g.value().equals(chosenGroup.value()))
                        .findFirst().ifPresent(group::set);
            }
            loadKeywords();
        }, errors);
    }

    private record Both(SideKeywords positive, SideKeywords negative, long millis) {
    }

    public void loadKeywords() {
        Source s = source.get();
        ProductMentions p = product.get();
        ProductGroup g = group.get();
        if (s == null || state.get() != State.READY || (p == null && g == null)) {
            positive.clear();
            negative.clear();
            timing.set(p == null && g == null ? "Pick a restaurant or a group." : "");
            return;
        }
        KeywordRanking r = ranking.get();
        int n = limit.get();
        keywordLoader.load(background, new ReadJob<>("Keywords", database, tx -> {
            long start = System.nanoTime();
            SideKeywords pos = p != null ? aggregator.forProduct(tx, s, p.id(), POSITIVE, r, n) : aggregator.forGroup(tx, s, g, POSITIVE, r, n);
            SideKeywords neg = p != null ? aggregator.forProduct(tx, s, p.id(), NEGATIVE, r, n) : aggregator.forGroup(tx, s, g, NEGATIVE, r, n);
            return new Both(pos, neg, (System.nanoTime() - start) / 1_000_000);
        }), b -> {
            positive.setAll(b.positive().keywords());
            negative.setAll(b.negative().keywords());
            positiveTitle.set("Why (" + b.positive().explanations() + " explanations)");
            negativeTitle.set("Why not (" + b.negative().explanations() + " explanations)");
            timing.set((p != null ? p.name() : g.attribute() + " = " + g.value()) + " compared with " + b.negative().peers()
                    + ": answered in " + b.millis() + " ms" + leftOutNote(b.positive().leftOut(), b.negative().leftOut()));
        }, errors);
    }

    /**
     * "" or ". Left out: P why and N why not explanations retrieved from a seed sample about another product": a
     * pool-generated project's reused pairs that were written about the seed's product, not this one.
     */
    static String leftOutNote(long positive, long negative) {
        return positive + negative == 0 ? "" : ". Left out: " + positive + " why and " + negative + " why not explanations "
                + "retrieved from a seed sample about another product";
    }

    /** What the keywords are of: the restaurant, or the group, for chart titles. */
    public String targetLabel() {
        ProductMentions p = product.get();
        ProductGroup g = group.get();
        return p != null ? p.name() + (p.city().isEmpty() ? "" : " (" + p.city() + ")")
                : g != null ? g.attribute() + " = " + g.value() : "no restaurant picked";
    }

    public String sourceLabel() {
        Source s = source.get();
        return s == null ? "none" : s.label();
    }

    /** The explanations of the current target and side that contain the keyword. */
    public ExplanationFilter drillDown(String side, Keyword keyword) {
        Source s = source.get();
        ProductMentions p = product.get();
        return new ExplanationFilter(null, null, side, s == null ? null : s.label(), "ok", keyword.term(),
                p == null ? null : p.id(), p == null ? group.get() : null);
    }

    public ObservableList<Source> sources() {
        return sources;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty stateMessageProperty() {
        return stateMessage;
    }

    public ObservableList<ProductMentions> products() {
        return products;
    }

    public ObservableList<ProductGroup> groups() {
        return groups;
    }

    public ObjectProperty<ProductMentions> productProperty() {
        return product;
    }

    public ObjectProperty<ProductGroup> groupProperty() {
        return group;
    }

    public ObjectProperty<KeywordRanking> rankingProperty() {
        return ranking;
    }

    public IntegerProperty limitProperty() {
        return limit;
    }

    public ObservableList<Keyword> positive() {
        return positive;
    }

    public ObservableList<Keyword> negative() {
        return negative;
    }

    public StringProperty positiveTitleProperty() {
        return positiveTitle;
    }

    public StringProperty negativeTitleProperty() {
        return negativeTitle;
    }

    public StringProperty timingProperty() {
        return timing;
    }
}
