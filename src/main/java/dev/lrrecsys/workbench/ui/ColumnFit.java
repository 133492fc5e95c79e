package dev.lrrecsys.workbench.ui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.List;

/**
 * Columns that size to their content: each column is at least as wide as its header (so a header is never cut
 * to "Con..."), prefers the width of the widest value among the rows shown (up to a cap, for long texts), and
 * every header and cell carries its full text as a tooltip for whatever still does not fit.
 */
public final class ColumnFit {

    /** Room for the cell and header padding and the sort arrow beside a header's text. */
    static final double HEADER_EXTRA = 34;
    static final double CELL_EXTRA = 20;
    /** Wider values (explanation texts) stay cut, with the tooltip; a column this wide is already hard to scan. */
    static final double MAX_WIDTH = 460;
    /** Enough rows to see how wide a column's values are without measuring a whole page of long texts. */
    private static final int MEASURED_ROWS = 200;

    private ColumnFit() {
    }

    /** Fits the table's columns now and whenever its rows or columns change. */
    public static <T> void install(TableView<T> table) {
        Runnable later = () -> Platform.runLater(() -> afterLayout(table));
        table.getItems().addListener((ListChangeListener<T>) c -> later.run());
        table.itemsProperty().addListener((o, was, now) -> {
            now.addListener((ListChangeListener<T>) c -> later.run());
            later.run();
        });
        table.getColumns().addListener((ListChangeListener<TableColumn<T, ?>>) c -> later.run());
        table.skinProperty().addListener((o, was, now) -> later.run());
        table.sceneProperty().addListener((o, was, now) -> later.run());
        fit(table);
    }

    /**
     * Fits once the table has been laid out: new columns get their header nodes (and so the theme's font, which
     * the widths are measured in) only in the next layout pulse; measured before, headers came out too narrow.
     */
    private static <T> void afterLayout(TableView<T> table) {
        javafx.scene.Scene scene = table.getScene();
        if (scene == null) {
            return;
        }
        // Removed and run outside the pulse: the scene is iterating its listeners while it calls this one.
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (done.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    fit(table);
                });
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        table.requestLayout();
    }

    /** Sizes each leaf column to its header and values, and gives headers and cells their tooltips. */
    public static <T> void fit(TableView<T> table) {
        Font font = font(table);
        for (TableColumn<T, ?> column : table.getVisibleLeafColumns()) {
            withTooltipCells(column);
            double header = width(column.getText(), font) + HEADER_EXTRA;
            double content = 0;
            int rows = Math.min(MEASURED_ROWS, table.getItems().size());
            for (int r = 0; r < rows; r++) {
                Object value = column.getCellData(r);
                if (value != null) {
                    content = Math.max(content, width(value.toString(), font) + CELL_EXTRA);
                }
            }
            double width = Math.ceil(Math.max(header, Math.min(MAX_WIDTH, content)));
            column.setMinWidth(Math.ceil(header));
            column.setPrefWidth(width);
        }
        headerTooltips(table);
    }

    private static <T> void headerTooltips(TableView<T> table) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() != null && h.lookup(".label") instanceof Label l) {
                String text = h.getTableColumn().getText();
                if (l.getTooltip() == null || !text.equals(l.getTooltip().getText())) {
                    l.setTooltip(new Tooltip(text));
                }
            }
        }
    }

    /** The font the table's text is drawn with once styled (the theme sets it), else the platform default. */
    private static Font font(TableView<?> table) {
        if (table.lookup(".column-header .label") instanceof Label l) {
            return l.getFont();
        }
        return Font.getDefault();
    }

    static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** Replaces the default cell (text only) with one whose tooltip holds the whole value. */
    private static <T, V> void withTooltipCells(TableColumn<T, V> column) {
        if ((Object) column.getCellFactory() != TableColumn.DEFAULT_CELL_FACTORY) {
            return;
        }
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    String text = item.toString();
                    setText(text);
                    setTooltip(text.isEmpty() ? null : new Tooltip(text));
                }
            }
        });
    }

    /** Labels of the table's column headers whose drawn text is cut ("Con..."), for checks and tests. */
    public static List<String> elidedHeaders(TableView<?> table) {
        return table.lookupAll(".column-header .label").stream()
                .filter(n -> n instanceof Label l && l.isVisible() && isElided(l))
                .map(n -> ((Label) n).getText()).toList();
    }

    /** Whether the label draws less than its text (JavaFX replaces the cut part with an ellipsis). */
    public static boolean isElided(javafx.scene.control.Labeled label) {
        if (!(label.lookup(".text") instanceof Text drawn) || label.getText() == null || label.getText().isEmpty()) {
            return false;
        }
        String text = label.getText();
        // A mnemonic's underscore ("_File") is drawn as an underline, not as text.
        int mnemonic = label.isMnemonicParsing() ? text.indexOf('_') : -1;
        if (mnemonic >= 0 && mnemonic + 1 < text.length() && text.charAt(mnemonic + 1) != '_') {
            text = text.substring(0, mnemonic) + text.substring(mnemonic + 1);
        }
        return !text.equals(drawn.getText());
    }
}
