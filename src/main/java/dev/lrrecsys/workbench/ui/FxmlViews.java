package dev.lrrecsys.workbench.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads /fxml/Name.fxml with a controller built in code (so views get their dependencies by constructor). */
public final class FxmlViews {

    private FxmlViews() {
    }

    public static Parent load(String name, Object controller) {
        URL url = FxmlViews.class.getResource("/fxml/" + name + ".fxml");
        if (url == null) {
            throw new IllegalStateException("Missing view /fxml/" + name + ".fxml");
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + name + ": " + e.getMessage(), e);
        }
    }
}
