package dev.lrrecsys.workbench.ui;

import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

import java.util.List;

/** The Help menu's entries: keyboard shortcuts (read from the menu bar), the shipped documentation, About. */
final class HelpMenu {

    private HelpMenu() {
    }

    static List<MenuItem> items(Window owner, MenuBar menus) {
        MenuItem shortcuts = new MenuItem("_Keyboard shortcuts");
        shortcuts.setId("shortcutsItem");
        shortcuts.setAccelerator(KeyCombination.keyCombination("Shortcut+Slash"));
        shortcuts.setOnAction(e -> ShortcutsDialog.show(owner, menus));
        MenuItem documentation = new MenuItem("_Documentation");
        documentation.setId("documentationItem");
        documentation.setOnAction(e -> DocumentationDialog.show(owner));
        MenuItem about = new MenuItem("_About");
        about.setAccelerator(KeyCombination.keyCombination("F1"));
        about.setOnAction(e -> AboutDialog.show(owner));
        return List.of(shortcuts, documentation, new SeparatorMenuItem(), about);
    }
}
