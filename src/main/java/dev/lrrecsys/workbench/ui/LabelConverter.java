package dev.lrrecsys.workbench.ui;

import javafx.util.StringConverter;

import java.util.function.Function;

/** Shows the items of a read-only choice box by a label; such boxes never parse text back into an item. */
public final class LabelConverter {

    private LabelConverter() {
    }

    public static <T> StringConverter<T> of(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
