package dev.lrrecsys.workbench.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Help > Documentation: the README and the docs/ pages shipped with the workbench, read in the window (no browser
 * needed). The app image carries them in its app folder (installer/build-linux.sh); a build from source reads them
 * from the checkout, found from the jar (target/lrw) or the working folder.
 */
final class DocumentationDialog {

    private DocumentationDialog() {
    }

    /** The folder holding README.md and docs/, or empty when none of the places has them. */
    static Optional<Path> find(List<Path> candidates) {
        return candidates.stream().filter(d -> Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("docs")))
                .findFirst();
    }

    /** Where the documentation may be: beside the app image's jar, above target/lrw, then the working folder. */
    static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath != null) {
            out.add(Path.of(appPath).toAbsolutePath().getParent().resolve("../lib/app").normalize());
        }
        try {
            Path jar = Path.of(DocumentationDialog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
            out.add(dir);
            out.add(dir.resolve("../..").normalize());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source location: the working folder still applies.
        }
        out.add(Path.of("").toAbsolutePath());
        return out;
    }

    /** README.md first, then the docs/ pages by name. */
    static List<Path> pages(Path root) throws IOException {
        List<Path> out = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    static Alert show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Documentation");
        alert.setResizable(true);
        Optional<Path> root = find(candidates());
        if (root.isEmpty()) {
            alert.setHeaderText("The documentation is not installed with this copy");
            alert.setContentText("Looked for README.md and docs/ in: " + candidates()
                    + ". It is in the source repository (README.md, docs/).");
            alert.show();
            return alert;
        }
        alert.setHeaderText("Documentation in " + root.get());
        ListView<Path> list = new ListView<>();
        list.setId("docPages");
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : root.get().relativize(item).toString());
            }
        });
        TextArea text = new TextArea();
        text.setId("docText");
        text.setEditable(false);
        text.setWrapText(true);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> text.setText(read(now)));
        try {
            list.getItems().setAll(pages(root.get()));
        } catch (IOException e) {
            text.setText("Cannot list " + root.get().resolve("docs") + ": " + e.getMessage());
        }
        SplitPane split = new SplitPane(list, text);
        split.setDividerPositions(0.25);
        split.setPrefSize(900, 560);
        alert.getDialogPane().setContent(split);
        list.getSelectionModel().selectFirst();
        alert.show();
        return alert;
    }

    private static String read(Path page) {
        if (page == null) {
            return "";
        }
        try {
            return Files.readString(page);
        } catch (IOException e) {
            return "Cannot read " + page + ": " + e.getMessage();
        }
    }
}
