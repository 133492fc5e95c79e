package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.store.Page;
import dev.lrrecsys.workbench.task.Job;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The state of one paged table (view-model side): the rows of the current page, the page number, the total
 * and a range text; it asks for one page at a time, latest request wins.
 */
public final class PagedQuery<T> {

    public static final int PAGE_SIZE = 100;

    private final Background background;
    private final BiFunction<Integer, Integer, Job<Page<T>>> pageJob;
    private final Consumer<Throwable> errors;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final LongProperty total = new SimpleLongProperty(-1);
    private final StringProperty state = new SimpleStringProperty("Loading...");
    private final LatestOnly loader = new LatestOnly();

    /** @param pageJob (offset, limit) -> job reading that page */
    public PagedQuery(Background background, BiFunction<Integer, Integer, Job<Page<T>>> pageJob, Consumer<Throwable> errors) {
        this.background = background;
        this.pageJob = pageJob;
        this.errors = errors;
    }

    /** Reloads from the first page (the filter changed). */
    public void reload() {
        page.set(0);
        load();
    }

    public void next() {
        if (hasNext().get()) {
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
        state.set("Loading...");
        loader.load(background, pageJob.apply(page.get() * PAGE_SIZE, PAGE_SIZE), p -> {
            rows.setAll(p.rows());
            total.set(p.total());
            state.set("");
        }, e -> {
            state.set("Failed to load: " + e.getMessage());
            errors.accept(e);
        });
    }

    public BooleanBinding hasNext() {
        return Bindings.createBooleanBinding(() -> (long) (page.get() + 1) * PAGE_SIZE < total.get(), page, total);
    }

    public BooleanBinding hasPrevious() {
        return page.greaterThan(0);
    }

    public StringBinding rangeText() {
        return Bindings.createStringBinding(() -> {
            if (!state.get().isEmpty()) {
                return state.get();
            }
            long from = (long) page.get() * PAGE_SIZE;
            return total.get() == 0 ? "No rows" : String.format("Rows %,d-%,d of %,d", from + 1, from + rows.size(), total.get());
        }, page, total, rows, state);
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
