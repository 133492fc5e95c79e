package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.TaskContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test support: the fixture folders under src/test/resources/ingest, copied into a temporary folder so tests may change them. */
final class ImportFixtures {

    private ImportFixtures() {
    }

    static Path copy(String fixture, Path into) {
        try {
            Path from = Path.of(ImportFixtures.class.getResource("/ingest/" + fixture).toURI());
            Path to = into.resolve(fixture);
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, to.resolve(f.getFileName().toString()));
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ImportResult run(Project project, ImportRequest request) throws IOException {
        return new ImportJob(project.database(), project.exportsDir(), request).run(TaskContext.silent());
    }
}
