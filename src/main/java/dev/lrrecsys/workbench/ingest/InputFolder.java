package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The files named on the command line, with folders expanded to the files they hold (not recursively). */
final class InputFolder {

    private final List<Path> files = new ArrayList<>();

    InputFolder(List<Path> paths) {
        for (Path p : paths) {
            FormatReader.existing(p);
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new WorkbenchException("cannot list " + p + ": " + IoReason.of(e), e);
                }
            } else {
                files.add(p);
            }
        }
    }

    List<Path> files() {
        return files;
    }

    /** The first file whose lower-case name satisfies the test, or null. */
    Path find(Predicate<String> name) {
        for (Path f : files) {
            if (name.test(f.getFileName().toString().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /** Like {@link #find}, failing with a message that says what was expected. */
    Path require(Predicate<String> name, String what, List<Path> given) {
        Path f = find(name);
        if (f == null) {
            throw new WorkbenchException("file not found: " + what + " in " + given);
        }
        return f;
    }
}
