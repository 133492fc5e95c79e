package dev.lrrecsys.workbench.ui;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes what a table shows (its visible columns, its rows in their current order) as CSV with a header. */
public final class TableCsv {

    private TableCsv() {
    }

    /** Snapshot of the table's cells, taken on the UI thread; writing can then happen anywhere. */
    public static List<List<String>> snapshot(TableView<?> table) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        List<TableColumn<?, ?>> columns = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            columns.add(c);
            header.add(c.getText());
        }
        rows.add(header);
        for (int r = 0; r < table.getItems().size(); r++) {
            List<String> row = new ArrayList<>();
            for (TableColumn<?, ?> c : columns) {
                Object v = c.getCellData(r);
                row.add(v == null ? "" : v.toString());
            }
            rows.add(row);
        }
        return rows;
    }

    public static void write(List<List<String>> rows, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new dev.lrrecsys.workbench.WorkbenchException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
