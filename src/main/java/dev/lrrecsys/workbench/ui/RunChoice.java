package dev.lrrecsys.workbench.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The view-model half of a {@link RunPicker}: the stored runs (experiments, training fractions) to pick from and
 * the pick, which survives a reload when an item with the same key is still there. Whenever the pick is set or
 * re-confirmed by a reload, the view's content for it is loaded again.
 */
public final class RunChoice<T> {

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObjectProperty<T> chosen = new SimpleObjectProperty<>();
    private final Function<T, Object> key;
    private final Function<List<T>, T> fallback;
    private final Runnable load;

    /**
     * @param key      what identifies an item across reloads (e.g. the run id)
     * @param fallback the item picked when the previous pick is gone (called with a non-empty list)
     * @param load     loads the view's content for the current pick
     */
    public RunChoice(Function<T, Object> key, Function<List<T>, T> fallback, Runnable load) {
        this.key = key;
        this.fallback = fallback;
        this.load = load;
        chosen.addListener((o, was, now) -> load.run());
    }

    /** Picks the first item when the previous pick is gone. */
    public static <T> RunChoice<T> firstByDefault(Function<T, Object> key, Runnable load) {
        return new RunChoice<>(key, list -> list.get(0), load);
    }

    /** Replaces the items after a reload: keeps the pick (and reloads its content) or falls back. */
    public void offer(List<T> list) {
        T was = chosen.get();
        T same = was == null ? null : list.stream().filter(t -> Objects.equals(key.apply(t), key.apply(was))).findFirst().orElse(null);
        items.setAll(list);
        if (same == null) {
            chosen.set(list.isEmpty() ? null : fallback.apply(list));
        } else if (same.equals(chosen.get())) {
            load.run(); // the same pick: no change event, but its content may be newer
        } else {
            chosen.set(same);
        }
    }

    /** Empties the list (nothing to pick, e.g. no experiment chosen upstream). */
    public void clear() {
        offer(List.of());
    }

    public ObservableList<T> items() {
        return items;
    }

    public ObjectProperty<T> chosenProperty() {
        return chosen;
    }

    public T chosen() {
        return chosen.get();
    }
}
