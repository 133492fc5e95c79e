package dev.lrrecsys.workbench.ui.comparison;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.RunBrowseRepository;
import dev.lrrecsys.workbench.store.RunBrowseRepository.CaseExplanation;
import dev.lrrecsys.workbench.store.RunBrowseRepository.CasePrediction;
import dev.lrrecsys.workbench.store.RunBrowseRepository.CaseSample;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository;
import dev.lrrecsys.workbench.store.ExplanationBrowseRepository.ExplanationRow;
import dev.lrrecsys.workbench.store.ExplanationFilter;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.PagedQuery;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.ReadJob;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Side-by-side comparison: for one sample (or two: two consumers for one product, one consumer for two products)
 * a column per explanation source with its positive and negative sentence, and the runs' predictions next to the
 * truth.
 */
public final class ComparisonViewModel {

    /** A sample the picker offers: its id, who and what, and the rating. */
    public record SampleItem(long sampleId, String consumer, String product, double rating) {
        public String label() {
            return String.format(Locale.ROOT, "sample %d: %s \u2192 %s (rating %s)", sampleId, consumer, product, rating);
        }
    }

    /** How many samples the picker lists per search: enough to scroll, few enough to read at once. */
    static final int PICKER_ROWS = 200;

    /** One column: which sample and source, both sentences, and the models' predictions for the sample. */
    public record Column(String header, String positive, String negative, String predictions) {
    }

    private final Background background;
    private final Database database;
    private final Consumer<Throwable> errors;
    private final RunBrowseRepository browse = new RunBrowseRepository();
    private final StringProperty first = new SimpleStringProperty("");
    private final StringProperty second = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final LatestOnly loader = new LatestOnly();
    private final LatestOnly pickerLoader = new LatestOnly();
    private final StringProperty sampleSearch = new SimpleStringProperty("");
    private final ObservableList<SampleItem> samples = FXCollections.observableArrayList();
    private final ExplanationBrowseRepository explanations = new ExplanationBrowseRepository();

    public ComparisonViewModel(Background background, Database database, Consumer<Throwable> errors) {
        this.background = background;
        this.database = database;
        this.errors = errors;
        sampleSearch.addListener((o, was, now) -> searchSamples());
    }

    /**
     * The samples that have explanations, whose product or consumer contains the search text, so a user picks
     * a sample instead of typing an id no table shows.
     */
    public void searchSamples() {
        String q = sampleSearch.get() == null ? "" : sampleSearch.get().trim();
        pickerLoader.load(background, new ReadJob<>("Samples to compare", database, tx -> {
            Map<Long, SampleItem> found = new LinkedHashMap<>();
            for (ExplanationFilter f : List.of(new ExplanationFilter(q, null, "positive", null, null, null, null, null),
                    new ExplanationFilter(null, q, "positive", null, null, null, null, null))) {
                for (ExplanationRow r : explanations.page(tx, f, PagedQuery.FIRST, PICKER_ROWS).rows()) {
                    found.putIfAbsent(r.sampleId(), new SampleItem(r.sampleId(), r.consumer(), r.product(), r.rating()));
                }
                if (q.isEmpty()) {
                    break;
                }
            }
            return List.copyOf(found.values());
        }), samples::setAll, errors);
    }

    public void refresh() {
        searchSamples();
        if (first.get().isBlank()) {
            loader.load(background, new ReadJob<>("First case", database, browse::firstCase), id -> {
                if (id == null) {
                    message.set("No samples yet: import a dataset and generate explanations.");
                } else {
                    first.set(Long.toString(id));
                    compare();
                }
            }, errors);
        } else {
            compare();
        }
    }

    public void compare() {
        List<Long> ids = new ArrayList<>();
        try {
            ids.add(Long.parseLong(first.get().trim()));
            if (!second.get().isBlank()) {
                ids.add(Long.parseLong(second.get().trim()));
            }
        } catch (NumberFormatException e) {
            columns.clear();
            message.set("Sample ids are whole numbers.");
            return;
        }
        loader.load(background, new ReadJob<>("Comparison", database, tx -> {
            DatasetInfo dataset = new DatasetRepository().find(tx).orElseThrow();
            List<Column> out = new ArrayList<>();
            for (long id : ids) {
                CaseSample s = browse.sample(tx, id);
                if (s == null) {
                    throw new WorkbenchException("There is no sample " + id + " in this project.");
                }
                out.addAll(columns(s, dataset, browse.explanations(tx, id), browse.predictions(tx, id)));
            }
            return out;
        }), cols -> {
            columns.setAll(cols);
            message.set(cols.isEmpty() ? "No explanations for these samples yet: generate them first." : "");
        }, e -> {
            // Nothing of the previous comparison stays on screen under an error about this one.
            columns.clear();
            message.set(e.getMessage());
        });
    }

    static List<Column> columns(CaseSample s, DatasetInfo dataset, List<CaseExplanation> explanations, List<CasePrediction> predictions) {
        Map<String, String[]> bySource = new LinkedHashMap<>();
        for (CaseExplanation e : explanations) {
            String key = e.generator() + " / " + e.model() + ("contrastive".equals(e.variant()) ? "" : " / " + e.variant());
            String[] sides = bySource.computeIfAbsent(key, k -> new String[2]);
            String text = "ok".equals(e.status()) ? e.text() : "(" + e.status() + ")";
            if ("negative".equals(e.side())) {
                sides[1] = text;
            } else {
                sides[0] = sides[0] == null ? text : sides[0];
            }
        }
        StringBuilder p = new StringBuilder(String.format(Locale.ROOT, "truth %.3f (rating %s)", dataset.scaled(s.rating()), s.rating()));
        Map<String, double[]> byModel = new LinkedHashMap<>();
        for (CasePrediction c : predictions) {
            double[] acc = byModel.computeIfAbsent(c.model(), k -> new double[4]);
            acc[0] += c.value();
            acc[1]++;
            if (c.alphaPos() != null) {
                acc[2] += c.alphaPos();
                acc[3] += c.alphaNeg();
            }
        }
        byModel.forEach((model, acc) -> {
            p.append(String.format(Locale.ROOT, "\n%s: %.3f (mean of %d runs)", model, acc[0] / acc[1], (int) acc[1]));
            if (acc[2] > 0) {
                p.append(String.format(Locale.ROOT, ", alpha_pos %.3f, alpha_neg %.3f", acc[2] / acc[1], acc[3] / acc[1]));
            }
        });
        List<Column> out = new ArrayList<>();
        String who = "sample " + s.id() + ": " + s.consumer() + " \u2192 " + s.product();
        for (Map.Entry<String, String[]> e : bySource.entrySet()) {
            out.add(new Column(who + "\n" + e.getKey(), nz(e.getValue()[0]), nz(e.getValue()[1]), p.toString()));
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public StringProperty sampleSearchProperty() {
        return sampleSearch;
    }

    public ObservableList<SampleItem> samples() {
        return samples;
    }

    public StringProperty firstProperty() {
        return first;
    }

    public StringProperty secondProperty() {
        return second;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<Column> columns() {
        return columns;
    }
}
