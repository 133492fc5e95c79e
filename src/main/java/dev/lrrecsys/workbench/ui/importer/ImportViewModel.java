package dev.lrrecsys.workbench.ui.importer;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.ingest.DuplicatePolicy;
import dev.lrrecsys.workbench.ingest.ImportFormat;
import dev.lrrecsys.workbench.ui.Background;
import dev.lrrecsys.workbench.ui.LatestOnly;
import dev.lrrecsys.workbench.ui.NamedJob;
import dev.lrrecsys.workbench.workflow.ImportDataset;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The import wizard without its controls: format, input path, CSV mapping file, rating scale and a preview of
 * the first lines of the input before anything is imported. The import itself is the all-or-nothing ImportDataset,
 * so a bad row (reported with its file and line) leaves the project as it was.
 */
public final class ImportViewModel {

    static final int PREVIEW_LINES = 12;

    private final Background background;
    private final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>(ImportFormat.CSV);
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty mapping = new SimpleStringProperty("");
    private final StringProperty ratingMin = new SimpleStringProperty("");
    private final StringProperty ratingMax = new SimpleStringProperty("");
    private final StringProperty highThreshold = new SimpleStringProperty("");
    private final BooleanProperty skipBadRows = new SimpleBooleanProperty(false);
    /** What to do with rows of the same consumer, product and time: the record's default (refuse) until chosen. */
    private final ObjectProperty<DuplicatePolicy> duplicates = new SimpleObjectProperty<>(
            ImportDataset.Settings.DEFAULT_DUPLICATES);
    private final StringProperty preview = new SimpleStringProperty("Choose a file or folder to see its first lines.");
    private final LatestOnly previewer = new LatestOnly();

    public ImportViewModel(Background background) {
        this.background = background;
        path.addListener((o, was, now) -> loadPreview());
    }

    /** Reads the first lines of the chosen file (of the first data file of a folder), off the UI thread. */
    public void loadPreview() {
        String p = path.get();
        if (p == null || p.isBlank()) {
            preview.set("Choose a file or folder to see its first lines.");
            return;
        }
        Path chosen = Path.of(p.strip());
        previewer.load(background, new NamedJob<>("Preview " + chosen.getFileName(), c -> firstLines(chosen)), preview::set,
                e -> preview.set(e.getMessage()));
    }

    static String firstLines(Path chosen) throws Exception {
        if (!Files.exists(chosen)) {
            throw new WorkbenchException("No such file or folder: " + chosen);
        }
        Path file = chosen;
        if (Files.isDirectory(chosen)) {
            try (Stream<Path> s = Files.list(chosen)) {
                file = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().findFirst()
                        .orElseThrow(() -> new WorkbenchException("The folder " + chosen + " holds no files."));
            }
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while (lines.size() < PREVIEW_LINES && (line = r.readLine()) != null) {
                lines.add((lines.size() + 1) + ": " + (line.length() > 300 ? line.substring(0, 300) + "..." : line));
            }
        }
        return file + " (first " + lines.size() + " lines)\n" + String.join("\n", lines);
    }

    /** The import these fields describe; a malformed number says which field. */
    public ImportDataset.Settings settings() {
        List<Path> paths = path.get() == null || path.get().isBlank() ? List.of() : List.of(Path.of(path.get().strip()));
        Path mappingFile = mapping.get() == null || mapping.get().isBlank() ? null : Path.of(mapping.get().strip());
        return ImportDataset.Settings.of(format.get(), paths).withSkipBadRows(skipBadRows.get()).withMapping(mappingFile)
                .withScale(number(ratingMin.get(), "lowest rating"), number(ratingMax.get(), "highest rating"),
                        number(highThreshold.get(), "high from"))
                .withDuplicates(duplicates.get());
    }

    static Double number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new WorkbenchException("'" + text.strip() + "' is not a number (" + field + ").");
        }
    }

    public ObjectProperty<ImportFormat> formatProperty() {
        return format;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty mappingProperty() {
        return mapping;
    }

    public StringProperty ratingMinProperty() {
        return ratingMin;
    }

    public StringProperty ratingMaxProperty() {
        return ratingMax;
    }

    public StringProperty highThresholdProperty() {
        return highThreshold;
    }

    public BooleanProperty skipBadRowsProperty() {
        return skipBadRows;
    }

    public ObjectProperty<DuplicatePolicy> duplicatesProperty() {
        return duplicates;
    }

    public StringProperty previewProperty() {
        return preview;
    }
}
