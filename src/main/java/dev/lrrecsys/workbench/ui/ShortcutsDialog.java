package dev.lrrecsys.workbench.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Help > Keyboard shortcuts: every accelerator of the menu bar, read from the menus themselves so the list cannot
 * drift from what the keys do.
 */
final class ShortcutsDialog {

    /** One accelerator: where it is in the menus, and its keys as the platform writes them. */
    record Shortcut(String action, String keys) {
    }

    private ShortcutsDialog() {
    }

    static List<Shortcut> of(MenuBar bar) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(plain(menu.getText()), menu.getItems(), out);
        }
        return out;
    }

    private static void collect(String path, List<MenuItem> items, List<Shortcut> out) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                collect(path + " > " + plain(sub.getText()), sub.getItems(), out);
            } else if (item.getAccelerator() != null) {
                out.add(new Shortcut(path + " > " + plain(item.getText()), item.getAccelerator().getDisplayText()));
            }
        }
    }

    /** The text without its mnemonic marker ("_File" -> "File"). */
    private static String plain(String text) {
        return text == null ? "" : text.replace("_", "");
    }

    static Alert show(Window owner, MenuBar bar) {
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcutsTable");
        TableColumn<Shortcut, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        action.setPrefWidth(330);
        TableColumn<Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        keys.setPrefWidth(150);
        table.getColumns().add(action);
        table.getColumns().add(keys);
        table.getItems().setAll(of(bar));
        table.setPrefHeight(420);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts (from the menus)");
        alert.getDialogPane().setContent(table);
        alert.setResizable(true);
        alert.show();
        return alert;
    }
}
