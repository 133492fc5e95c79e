package dev.lrrecsys.workbench.ui;

import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Saving a table or chart of a view: the save dialog starts in the project's {@code exports/} folder with a name
 * that says what is saved and when ("keywords-negative-la-cantina-2026-12-02.csv"), and the file is written as a
 * task that says where it saved (failures in an error dialog).
 */
public final class FileExport {

    /** Writes the file. */
    @FunctionalInterface
    public interface Write {
        void to(Path file) throws Exception;
    }

    private final String title;
    private final Path folder;
    private final Background background;
    private final BiConsumer<String, Throwable> errors;
    private final Supplier<LocalDate> today;

    /** @param title the task's title, e.g. "Export consumers CSV"; @param folder where the save dialog starts */
    public FileExport(String title, Path folder, Background background, BiConsumer<String, Throwable> errors,
                      Supplier<LocalDate> today) {
        this.title = title;
        this.folder = folder;
        this.background = background;
        this.errors = errors;
        this.today = today;
    }

    /** The save dialog for {@code what} (a view, restaurant or run; null: taken from the title). */
    public FileChooser chooser(String what, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        try {
            Files.createDirectories(folder);
            chooser.setInitialDirectory(folder.toFile());
        } catch (java.io.IOException | RuntimeException cannotMake) {
            // A read-only project: the dialog then starts where the platform chooses; the name still helps.
        }
        chooser.setInitialFileName(fileName(what == null ? subject(title) : what, today.get(), pattern.substring(1)));
        return chooser;
    }

    /** Shows the save dialog over the node's window and writes the chosen file as a task. */
    public void chooseAndSave(Node owner, String what, String description, String pattern, Write write) {
        File f = chooser(what, description, pattern).showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        Optional.ofNullable(f).ifPresent(file -> save(file.toPath(), write));
    }

    /** Writes the file as a task; its result is the path, so the task panel says "Saved to PATH". */
    public void save(Path file, Write write) {
        background.start(new NamedJob<Path>(title, c -> {
            write.to(file);
            return file;
        }), p -> { }, e -> errors.accept(title, e));
    }

    /** A file name from what is saved and the day: lower case, words joined by '-', no characters a file system minds. */
    static String fileName(String what, LocalDate day, String extension) {
        String slug = what.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "export" : slug) + "-" + day + extension;
    }

    /** "Export consumers CSV" -> "consumers". */
    private static String subject(String title) {
        return title.replaceFirst("^Export ", "").replaceFirst(" (CSV|chart)$", "");
    }
}
