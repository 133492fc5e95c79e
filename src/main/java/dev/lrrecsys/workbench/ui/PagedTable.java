package dev.lrrecsys.workbench.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** A table bound to a {@link PagedQuery}, with previous/next buttons, the row range and CSV export of the page. */
public final class PagedTable<T> extends VBox {

    private final TableView<T> table = new TableView<>();

    public PagedTable(PagedQuery<T> query, String emptyText, FileExport exporter) {
        table.setItems(query.rows());
        // Until the first page arrives the table says so: "No consumers match." while a reopened project was
        // still loading read as if the data were gone.
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(query.loading()).then("Loading...").otherwise(emptyText));
        table.setPlaceholder(placeholder);
        // Columns take the width of their header and values (ColumnFit); a squeezing resize policy cut the
        // headers to "Con..." and "S..." in a small window, so wide pages scroll sideways instead.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnFit.install(table);
        Button previous = new Button("\u25C0 Previous");
        previous.setTooltip(new Tooltip("Previous page"));
        previous.disableProperty().bind(query.hasPrevious().not());
        previous.setOnAction(e -> query.previous());
        Button next = new Button("Next \u25B6");
        next.setTooltip(new Tooltip("Next page"));
        next.disableProperty().bind(query.hasNext().not());
        next.setOnAction(e -> query.next());
        Label range = new Label();
        range.textProperty().bind(query.rangeText());
        Button csv = new Button("Export CSV");
        csv.setTooltip(new Tooltip("Save the rows shown as a CSV file"));
        csv.setOnAction(e -> {
            var snapshot = TableCsv.snapshot(table);
            exporter.chooseAndSave(this, null, "CSV", "*.csv", f -> TableCsv.write(snapshot, f));
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, previous, next, range, spacer, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOOLBAR);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(table, bar);
    }

    public <V> TableColumn<T, V> column(String title, Function<T, V> value, double width) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        table.getColumns().add(c);
        return c;
    }

    public TableView<T> table() {
        return table;
    }

}
