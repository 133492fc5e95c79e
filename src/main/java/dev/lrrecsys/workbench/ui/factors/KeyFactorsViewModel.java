package dev.lrrecsys.workbench.ui.factors;

import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.KeyFactorRepository;
import dev.lrrecsys.workbench.store.KeyFactorRepository.FactorRow;
import dev.lrrecsys.workbench.store.KeyFactorRepository.RunRow;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.ReadJob;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The key factors `lrw factors` stored (mask training's gates and effect signs), by segment: the whole dataset (the
 * newest run, as the concise explanations weigh it) and each value of each segment attribute's newest run.
 */
public final class KeyFactorsViewModel {

    /** Where the view stands, so it can say what is missing. */
    public enum State { LOADING, NO_FACTORS, READY }

    /**
     * One segment the view can show: attribute null for the whole dataset.
     *
     * @param run the mask-training run its factors come from
     */
    public record Segment(String attribute, String value, RunRow run) {

        public String label() {
            return attribute == null ? "Whole dataset" : attribute + " = " + value;
        }

        /** The key of this segment's rows in key_factor.segment_value ('' for the whole dataset). */
        String storedValue() {
            return attribute == null ? "" : value;
        }
    }

    private record Stored(List<Segment> segments, Map<Long, List<FactorRow>> factorsByRun) {
    }

    private final Background background;
    private final Database database;
    private final String projectName;
    private final Consumer<Throwable> errors;
    private final KeyFactorRepository repository = new KeyFactorRepository();
    private final LatestOnly loader = new LatestOnly();
    private final ObservableList<Segment> segments = FXCollections.observableArrayList();
    private final ObjectProperty<Segment> segment = new SimpleObjectProperty<>();
    private final ObservableList<FactorRow> factors = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Map<Long, List<FactorRow>> factorsByRun = Map.of();

    public KeyFactorsViewModel(Background background, Database database, String projectName, Consumer<Throwable> errors) {
        this.background = background;
        this.database = database;
        this.projectName = projectName;
        this.errors = errors;
        segment.addListener((o, was, now) -> showSegment());
    }

    /** Reloads the stored runs and their factors, keeping the chosen segment when it is still there. */
    public void refresh() {
        state.set(State.LOADING);
        loader.load(background, new ReadJob<>("Key factors", database, tx -> {
            Optional<RunRow> newest = repository.latest(tx, false);
            if (newest.isEmpty()) {
                return new Stored(List.of(), Map.of());
            }
            Map<Long, List<FactorRow>> byRun = new LinkedHashMap<>();
            List<Segment> out = new ArrayList<>();
            byRun.put(newest.get().id(), repository.factors(tx, newest.get().id()));
            out.add(new Segment(null, null, newest.get()));
            for (RunRow run : repository.latestPerSegment(tx)) {
                if (run.segmentAttribute() == null) {
                    continue;
                }
                List<FactorRow> rows = byRun.containsKey(run.id()) ? byRun.get(run.id()) : repository.factors(tx, run.id());
                byRun.put(run.id(), rows);
                rows.stream().map(FactorRow::segmentValue).filter(v -> !v.isEmpty()).distinct()
                        .forEach(v -> out.add(new Segment(run.segmentAttribute(), v, run)));
            }
            return new Stored(out, byRun);
        }), stored -> {
            Segment chosen = segment.get();
            factorsByRun = stored.factorsByRun();
            segments.setAll(stored.segments());
            if (stored.segments().isEmpty()) {
                factors.clear();
                summary.set("");
                state.set(State.NO_FACTORS);
                segment.set(null);
                return;
            }
            state.set(State.READY);
            Segment next = chosen == null ? stored.segments().get(0) : stored.segments().stream()
                    .filter(s -> java.util.Objects.equals(s.attribute(), chosen.attribute())
                            && java.util.Objects.equals(s.value(), chosen.value()))
                    .findFirst().orElse(stored.segments().get(0));
            if (next.equals(segment.get())) {
                showSegment();
            } else {
                segment.set(next);
            }
        }, errors);
    }

    private void showSegment() {
        Segment s = segment.get();
        if (s == null) {
            factors.clear();
            summary.set("");
            return;
        }
        factors.setAll(factorsByRun.getOrDefault(s.run().id(), List.of()).stream()
                .filter(f -> f.segmentValue().equals(s.storedValue())).toList());
        RunRow r = s.run();
        summary.set(String.format(Locale.ROOT, "%d key factors of %d candidates; penalty %s; validation RMSE %.4f "
                        + "(without factors %.4f); run %d", factors.size(), r.candidates(), penalty(r.penalty()),
                r.validationRmse(), r.baselineRmse(), r.id()));
    }

    private static String penalty(double p) {
        return String.format(Locale.ROOT, "%.4g", p);
    }

    /** The bar of a factor: its gate, negative when the factor lowers the rating. */
    public static double signedGate(FactorRow f) {
        return f.effect() < 0 ? -f.gate() : f.gate();
    }

    /** "+" when the factor raises the predicted rating, "-" when it lowers it. */
    public static String sign(FactorRow f) {
        return f.effect() < 0 ? "-" : "+";
    }

    /** What an exported chart or table is of: project and segment. */
    public String title() {
        Segment s = segment.get();
        return "Key factors: " + projectName + ", " + (s == null ? "no segment" : s.label());
    }

    /** Where the figures come from, for exported charts. */
    public String sourceLabel() {
        Segment s = segment.get();
        return s == null ? "none" : "lrw factors run " + s.run().id() + " (mask training, penalty "
                + penalty(s.run().penalty()) + (s.run().segmentAttribute() == null ? ", whole dataset"
                : ", per " + s.run().segmentAttribute()) + ")";
    }

    public ObservableList<Segment> segments() {
        return segments;
    }

    public ObjectProperty<Segment> segmentProperty() {
        return segment;
    }

    public ObservableList<FactorRow> factors() {
        return factors;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
