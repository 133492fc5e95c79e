package dev.lrrecsys.workbench.ingest;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Test support for the import's bad-input and duplicate tests: a new project in a temporary folder, the state of its
 * database to compare with, and the check that a refused import left nothing behind (no row, no rejects file).
 */
final class ImportIntoNewProject implements AutoCloseable {

    private final Path tmp;
    private final Project project;
    private Map<String, String> before;

    ImportIntoNewProject(Path tmp) {
        this.tmp = tmp;
        this.project = Project.create(tmp.resolve("project"));
        rememberState();
    }

    Project project() {
        return project;
    }

    /** The state that a refused import must leave as it is (taken on creation; again after a first import). */
    void rememberState() {
        before = DatabaseSnapshot.of(project.database());
    }

    ImportResult run(ImportRequest request) throws IOException {
        return ImportFixtures.run(project, request);
    }

    /** The import fails with exactly this message and changes nothing: same tables, no exported file. */
    void assertFailsUnchanged(ImportRequest request, String message) throws IOException {
        assertThatThrownBy(() -> run(request))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage(message);
        assertThat(DatabaseSnapshot.of(project.database())).isEqualTo(before);
        assertThat(exportFiles()).isEmpty();
    }

    List<Path> exportFiles() throws IOException {
        if (!Files.exists(project.exportsDir())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(project.exportsDir())) {
            return s.toList();
        }
    }

    /** A UTF-8 file in the temporary folder. */
    Path csv(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Override
    public void close() {
        project.close();
    }
}
