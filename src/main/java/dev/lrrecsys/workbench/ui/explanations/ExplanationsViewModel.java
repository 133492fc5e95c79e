package dev.lrrecsys.workbench.ui.explanations;

import dev.lrrecsys.workbench.explain.PromptRebuild;
import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.AlignmentFilter;
import dev.lrrecsys.workbench.store.AlignmentRepository;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.Page;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository.ExplanationRow;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository.SourceCount;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.store.KeywordRepository;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.NamedJob;
import dev.lrrecsys.workbench.ui.PagedQuery;
import dev.lrrecsys.workbench.ui.ReadJob;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.insight.ExplanationQuality;
import dev.lrrecsys.workbench.workflow.MeasureQuality;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The explanations explorer's state: the filter fields, the paged result and the selected explanation's detail. */
public final class ExplanationsViewModel {

    public static final String ANY = "(any)";
    public static final List<String> SIDES = List.of(ANY, "positive", "negative", "general", "aspects", "summary", "rating");
    public static final List<String> STATUSES = List.of(ANY, "ok", "rejected", "failed");
    public static final List<String> VARIANTS = java.util.stream.Stream.concat(java.util.stream.Stream.of(ANY),
            java.util.Arrays.stream(Variant.values()).map(Variant::key)).toList();
    public static final List<String> ORIGINS = List.of(ANY, ExplanationFilter.GENERATED, ExplanationFilter.RETRIEVED);
    static final String QUALITY_NO_GENERATOR = "Quality: choose a generator (and a variant) to measure its explanations.";

    private final Background background;
    private final Database database;
    private final ExplanationBrowseRepository repository = new ExplanationBrowseRepository();
    private final Consumer<Throwable> errors;
    private final StringProperty product = new SimpleStringProperty("");
    private final StringProperty consumer = new SimpleStringProperty("");
    private final StringProperty side = new SimpleStringProperty(ANY);
    private final StringProperty source = new SimpleStringProperty(ANY);
    private final StringProperty status = new SimpleStringProperty(ANY);
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty variant = new SimpleStringProperty(ANY);
    private final StringProperty origin = new SimpleStringProperty(ANY);
    private final StringProperty minSimilarity = new SimpleStringProperty("");
    // The quality figures of the chosen generator and variant (issue 11, point 4), measured off the FX thread.
    private final StringProperty quality = new SimpleStringProperty(QUALITY_NO_GENERATOR);
    private final LatestOnly qualityLoader = new LatestOnly();
    private List<String> measured;
    private final ObservableList<String> sources = FXCollections.observableArrayList(ANY);
    private final BooleanProperty empty = new SimpleBooleanProperty(false);
    private final ObjectProperty<ExplanationRow> selected = new SimpleObjectProperty<>();
    private final StringProperty detail = new SimpleStringProperty("Select an explanation to read it in full.");
    private final StringProperty scope = new SimpleStringProperty("");
    private final PagedQuery<ExplanationRow> results;
    // Alignment scores (docs/alignment.md): order and ranges, and the LC/IC of the rows shown, by explanation id.
    private final AlignmentRepository alignment = new AlignmentRepository();
    private final ObjectProperty<AlignmentFilter.Order> alignmentOrder = new SimpleObjectProperty<>(AlignmentFilter.Order.NONE);
    private final StringProperty lcRange = new SimpleStringProperty("");
    private final StringProperty icRange = new SimpleStringProperty("");
    private final Map<Long, float[]> scores = new ConcurrentHashMap<>();
    private final LatestOnly summaryLoader = new LatestOnly();
    private final LatestOnly promptLoader = new LatestOnly();
    private Integer productId;
    private KeywordRepository.ProductGroup group;

    public ExplanationsViewModel(Background background, Database database, Consumer<Throwable> errors) {
        this.background = background;
        this.database = database;
        this.errors = errors;
        results = new PagedQuery<>(background, (after, limit) -> {
            ExplanationFilter unparsed = filter(null);
            String similarity = minSimilarity.get();
            AlignmentFilter.Order order = alignmentOrder.get();
            String lc = lcRange.get();
            String ic = icRange.get();
            return new ReadJob<>("Explanations page", database, tx -> {
                // Parsed in the job, so that a range that does not parse is reported like any failed read.
                AlignmentFilter a = alignmentFilter(order, lc, ic);
                ExplanationFilter f = withSimilarity(unparsed, similarity(similarity));
                Page<ExplanationRow> page = a.active() ? alignment.browse(tx, f, a, after, limit) : repository.page(tx, f, after, limit);
                scores.putAll(alignment.scoresOf(tx, page.rows().stream().map(ExplanationRow::id).toList()));
                return page;
            });
        }, errors);
        selected.addListener((o, was, now) -> detail.set(now == null ? "Select an explanation to read it in full." : describe(now)));
    }

    public void refresh() {
        scores.clear();
        summaryLoader.load(background, new ReadJob<>("Explanation sources", database, repository::sources), list -> {
            // One replacement that keeps the chosen source in the list (also one named by a drill-down before
            // it had rows), then the choice again: the bound box drops its value while its items are replaced.
            String chosen = source.get();
            List<String> next = new java.util.ArrayList<>(List.of(ANY));
            list.forEach(s -> next.add(s.label()));
            if (chosen != null && !next.contains(chosen)) {
                next.add(chosen);
            }
            sources.setAll(next);
            source.set(chosen == null ? ANY : chosen);
            empty.set(list.stream().mapToLong(SourceCount::count).sum() == 0);
        }, errors);
        measured = null;
        results.reload();
        measureQuality();
    }

    /** Applies a filter coming from another view (keyword drill-down) and reloads. */
    public void apply(ExplanationFilter f) {
        product.set(nz(f.product()));
        consumer.set(nz(f.consumer()));
        side.set(f.side() == null ? ANY : f.side());
        if (f.source() != null && !sources.contains(f.source())) {
            sources.add(f.source());
        }
        source.set(f.source() == null ? ANY : f.source());
        status.set(f.status() == null ? ANY : f.status());
        text.set(nz(f.text()));
        variant.set(f.variant() == null ? ANY : f.variant());
        origin.set(f.origin() == null ? ANY : f.origin());
        minSimilarity.set(f.minSimilarity() == null ? "" : f.minSimilarity().toString());
        productId = f.productId();
        group = f.group();
        scope.set(productId != null ? "Only product #" + productId + " (from the keyword view)"
                : group != null ? "Only products of " + group.attribute() + " = " + group.value() : "");
        results.reload();
        measureQuality();
    }

    /** Drops the product/group restriction set by a drill-down. */
    public void clearScope() {
        productId = null;
        group = null;
        scope.set("");
        results.reload();
    }

    public void search() {
        results.reload();
        measureQuality();
    }

    /**
     * Measures redundancy, spuriousness and factors per explanation (and driver precision/recall on synthetic
     * worlds) of the chosen generator and variant, once per choice (again after a refresh): it reads every
     * explanation of the generator, so it runs as a job and only the latest choice is shown.
     */
    void measureQuality() {
        String generator = generatorOf(any(source.get()));
        String v = any(variant.get());
        if (generator == null) {
            measured = null;
            qualityLoader.load(background, new NamedJob<>("Explanation quality", c -> QUALITY_NO_GENERATOR), quality::set, errors);
            return;
        }
        List<String> key = java.util.Arrays.asList(generator, v);
        if (key.equals(measured)) {
            return;
        }
        measured = key;
        MeasureQuality.Settings settings = new MeasureQuality.Settings(generator, v);
        quality.set("Quality of " + selection(settings) + ": measuring...");
        qualityLoader.load(background, new NamedJob<>("Explanation quality of " + selection(settings), c -> {
            if (!MeasureQuality.keyFactorsFound(database)) {
                return "Quality of " + selection(settings) + ": no key factors yet (spuriousness is measured against them): "
                        + "find them with `lrw factors --project DIR` first.";
            }
            try {
                return describeQuality(settings, MeasureQuality.measure(database, settings));
            } catch (WorkbenchException e) {
                return "Quality of " + selection(settings) + ": " + e.getMessage();
            }
        }), quality::set, e -> {
            measured = null;
            errors.accept(e);
        });
    }

    static String describeQuality(MeasureQuality.Settings s, ExplanationQuality.Figures f) {
        String line = String.format(java.util.Locale.ROOT, "Quality of %s (%d explanations): redundancy %.4f, spuriousness %.4f, "
                + "factors per explanation %.2f", selection(s), f.explanations(), f.redundancy(), f.spuriousness(), f.factorsPerExplanation());
        if (f.groundTruth()) {
            line += String.format(java.util.Locale.ROOT, ", driver precision %.4f, driver recall %.4f", f.driverPrecision(), f.driverRecall());
        }
        return line;
    }

    private static String selection(MeasureQuality.Settings s) {
        return s.generator() + ", " + (s.variant() == null ? "every variant" : s.variant());
    }

    /** The generator of a "generator / model" source, or null. */
    static String generatorOf(String source) {
        if (source == null) {
            return null;
        }
        int slash = source.indexOf(" / ");
        return slash < 0 ? source : source.substring(0, slash);
    }

    /** The minimum similarity typed (blank: any); similarities are cosines, from -1 to 1. */
    static Double similarity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (v >= -1 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, like a value out of range
        }
        throw new WorkbenchException("Minimum similarity must be a number from -1 to 1, like 0.8, got '" + text.strip() + "'.");
    }

    private static ExplanationFilter withSimilarity(ExplanationFilter f, Double min) {
        return new ExplanationFilter(f.product(), f.consumer(), f.side(), f.source(), f.status(), f.text(), f.productId(),
                f.group(), f.variant(), f.origin(), min);
    }

    /** Rebuilds the selected explanation's prompt (off the JavaFX thread) and shows it under the explanation. */
    public void showPrompt() {
        ExplanationRow r = selected.get();
        if (r == null) {
            detail.set("Select an explanation first: its prompt is rebuilt on demand.");
            return;
        }
        detail.set(describe(r) + "\n\nRebuilding the prompt...");
        PromptRebuild.Origin origin = new PromptRebuild.Origin(r.sampleId(), r.variant(), r.side(), r.generator(), r.model(),
                r.templateVersion(), r.promptHash());
        promptLoader.load(background, new NamedJob<>("Rebuild prompt of explanation " + r.id(),
                c -> new PromptRebuild(database).rebuild(origin)), result -> {
            if (r.equals(selected.get())) {
                detail.set(describe(r) + "\n\n" + describePrompt(result));
            }
        }, errors);
    }

    static String describePrompt(PromptRebuild.Result p) {
        StringBuilder b = new StringBuilder("--- Prompt ---\n").append(p.note());
        if (p.text() != null) {
            b.append("\nSHA-256: ").append(p.hash()).append("\n\n").append(p.text());
        }
        return b.toString();
    }

    /** The filter as typed; throws when the minimum similarity does not parse. */
    ExplanationFilter filter() {
        return filter(similarity(minSimilarity.get()));
    }

    private ExplanationFilter filter(Double min) {
        return new ExplanationFilter(product.get(), consumer.get(), any(side.get()), any(source.get()), any(status.get()),
                text.get(), productId, group, any(variant.get()), any(origin.get()), min);
    }

    /** The alignment order and the LC and IC ranges ("0.5..1", "..0.2", "-1..0"; blank: any). */
    static AlignmentFilter alignmentFilter(AlignmentFilter.Order order, String lcText, String icText) {
        double[] lc = range("LC", lcText);
        double[] ic = range("IC", icText);
        return new AlignmentFilter(order == null ? AlignmentFilter.Order.NONE : order,
                bound(lc, 0), bound(lc, 1), bound(ic, 0), bound(ic, 1));
    }

    static double[] range(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        int dots = t.indexOf("..");
        try {
            if (dots < 0) {
                double v = Double.parseDouble(t);
                return new double[]{v, Double.NaN};
            }
            String lo = t.substring(0, dots).strip();
            String hi = t.substring(dots + 2).strip();
            return new double[]{lo.isEmpty() ? Double.NaN : Double.parseDouble(lo), hi.isEmpty() ? Double.NaN : Double.parseDouble(hi)};
        } catch (NumberFormatException e) {
            throw new WorkbenchException(name + " range must read like 0.5..1, ..0.2, 0.8.. or -1..0, got '" + t + "'.");
        }
    }

    private static Double bound(double[] range, int i) {
        return range == null || Double.isNaN(range[i]) ? null : range[i];
    }

    /** LC or IC of a shown row ({@code index} 0 or 1), blank when its pair was not scored. */
    public String score(ExplanationRow r, int index) {
        float[] s = scores.get(r.id());
        return s == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", s[index]);
    }

    public ObjectProperty<AlignmentFilter.Order> alignmentOrderProperty() {
        return alignmentOrder;
    }

    public StringProperty lcRangeProperty() {
        return lcRange;
    }

    public StringProperty icRangeProperty() {
        return icRange;
    }

    static String describe(ExplanationRow r) {
        StringBuilder b = new StringBuilder();
        b.append(sideLabel(r.side())).append(" explanation (").append(r.variant()).append(") by ").append(r.source())
                .append(", status ").append(r.status()).append('\n');
        b.append("consumer ").append(r.consumer()).append(", product ").append(r.product())
                .append(", rating ").append(r.rating()).append(" (").append(r.split()).append(" split), sample ").append(r.sampleId())
                .append("\n\n");
        b.append(r.text() == null ? "(no text)" : r.text());
        if (r.reason() != null && !r.reason().isBlank()) {
            b.append("\n\nReason: ").append(r.reason());
        }
        return b.toString();
    }

    /**
     * The side as the window shows it: the pair's sides are "why" and "why not", so nobody reads the counter-argument
     * as a fact about the sample.
     */
    public static String sideLabel(String side) {
        return switch (side) {
            case "positive" -> "why (positive)";
            case "negative" -> "why not (negative)";
            default -> side;
        };
    }

    private static String any(String v) {
        return v == null || ANY.equals(v) ? null : v;
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }

    public StringProperty productProperty() {
        return product;
    }

    public StringProperty consumerProperty() {
        return consumer;
    }

    public StringProperty sideProperty() {
        return side;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty variantProperty() {
        return variant;
    }

    public StringProperty originProperty() {
        return origin;
    }

    public StringProperty minSimilarityProperty() {
        return minSimilarity;
    }

    public StringProperty qualityProperty() {
        return quality;
    }

    public ObservableList<String> sources() {
        return sources;
    }

    public BooleanProperty emptyProperty() {
        return empty;
    }

    public ObjectProperty<ExplanationRow> selectedProperty() {
        return selected;
    }

    public StringProperty detailProperty() {
        return detail;
    }

    public StringProperty scopeProperty() {
        return scope;
    }

    public PagedQuery<ExplanationRow> results() {
        return results;
    }
}
