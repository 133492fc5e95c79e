package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.store.Page;
import dev.lrrecsys.workbench.task.Job;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The state of one paged table (view-model side): the rows of the current page, the page number, the total
 * (or -1 when a search is not counted) and a range text. Pages are read by key: each page remembers the key
 * it started after, so Previous goes back exactly and Next continues where the page ended. Latest request wins.
 */
public final class PagedQuery<T> {

    public static final int PAGE_SIZE = 100;
    /** The key before every key: the first page starts after it. */
    public static final long FIRST = Long.MIN_VALUE;

    private final Background background;
    private final BiFunction<Long, Integer, Job<Page<T>>> pageJob;
    private final Consumer<Throwable> errors;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final LongProperty total = new SimpleLongProperty(-1);
    private final BooleanProperty more = new SimpleBooleanProperty(false);
    private final StringProperty state = new SimpleStringProperty("Loading...");
    private final LatestOnly loader = new LatestOnly();
    /** Per page number: the key it starts after and the rows shown before it. */
    private final List<long[]> starts = new ArrayList<>();
    private long nextKey;

    /** @param pageJob (after key, limit) -> job reading that page */
    public PagedQuery(Background background, BiFunction<Long, Integer, Job<Page<T>>> pageJob, Consumer<Throwable> errors) {
        this.background = background;
        this.pageJob = pageJob;
        this.errors = errors;
    }

    /** Reloads from the first page (the filter changed). */
    public void reload() {
        starts.clear();
        starts.add(new long[] {FIRST, 0});
        page.set(0);
        load();
    }

    public void next() {
        if (more.get()) {
            long before = starts.get(page.get())[1] + rows.size();
            starts.subList(page.get() + 1, starts.size()).clear();
            starts.add(new long[] {nextKey, before});
            page.set(page.get() + 1);
            load();
        }
    }

    public void previous() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            load();
        }
    }

    public void load() {
        if (starts.isEmpty()) {
            reload();
            return;
        }
        state.set("Loading...");
        loader.load(background, pageJob.apply(starts.get(page.get())[0], PAGE_SIZE), p -> {
            rows.setAll(p.rows());
            nextKey = p.nextKey();
            more.set(p.more());
            total.set(p.total());
            state.set("");
        }, e -> {
            state.set("Failed to load: " + e.getMessage());
            errors.accept(e);
        });
    }

    /** True from a request until its page (or failure) arrives: a table then says "Loading...", not "No rows". */
    public BooleanBinding loading() {
        return Bindings.createBooleanBinding(() -> "Loading...".equals(state.get()), state);
    }

    public BooleanBinding hasNext() {
        return Bindings.createBooleanBinding(more::get, more);
    }

    public BooleanBinding hasPrevious() {
        return page.greaterThan(0);
    }

    public StringBinding rangeText() {
        return Bindings.createStringBinding(() -> {
            if (!state.get().isEmpty()) {
                return state.get();
            }
            long before = starts.isEmpty() ? 0 : starts.get(page.get())[1];
            return describe(before, rows.size(), total.get(), more.get());
        }, page, total, rows, state, more);
    }

    /** "Rows 101-200 of 1,000" when counted; uncounted searches say they show the first matches found. */
    static String describe(long before, int shown, long total, boolean more) {
        if (total >= 0) {
            if (total == 0 || (shown == 0 && !more)) {
                return total == 0 ? "No rows" : "No more rows";
            }
            return shown == 0 ? String.format("No matches in this stretch (%,d in all): Next searches on", total)
                    : String.format("Rows %,d-%,d of %,d", before + 1, before + shown, total);
        }
        if (shown == 0) {
            return more ? "No matches in this stretch: Next searches on" : before == 0 ? "No rows" : "No more matches";
        }
        return String.format("Matches %,d-%,d (first matches found, not counted%s)", before + 1, before + shown,
                more ? "; Next searches on" : "; no more");
    }

    public ObservableList<T> rows() {
        return rows;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public IntegerProperty pageProperty() {
        return page;
    }
}
