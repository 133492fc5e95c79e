package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.ExplainFixtures;
import dev.lrrecsys.workbench.store.TableSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compaction shrinks the file to its live data, and never runs right after H2 recovered a killed session (issue 15, 2). */
class CompactionTest {

    @Test
    void compactingOnCloseKeepsEveryRowAndShrinksTheFile(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("p");
        ExplainFixtures.synthWorld(p, 200, 40, 4000, 3).close();
        List<String> before;
        long size;
        try (Project project = Project.open(p)) {
            before = TableSnapshot.everything(project.database());
            assertThat(project.recovered()).isFalse();
            project.compactOnClose();
            size = Files.size(p.resolve(Project.DB_FILE_NAME));
        }
        assertThat(Files.size(p.resolve(Project.DB_FILE_NAME))).isLessThan(size);
        assertThat(CommitRecord.read(p).orElseThrow().open()).isFalse();
        try (Project project = Project.open(p)) {
            assertThat(TableSnapshot.everything(project.database())).isEqualTo(before);
        }
    }

    @Test
    void afterASessionThatEndedWithoutClosingNothingIsCompactedAndTheCommandSaysWhy(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("p");
        Project.create(p).close();
        // What a killed session leaves: the record still says "open".
        Files.writeString(p.resolve(CommitRecord.FILE_NAME), Files.readString(p.resolve(CommitRecord.FILE_NAME))
                .replace("open=false", "open=true"));

        try (Project project = Project.open(p)) {
            assertThat(project.recovered()).isTrue();
            assertThatThrownBy(project::compactOnClose).isInstanceOf(WorkbenchException.class).hasMessage(
                    "The last session of " + p + " ended without closing (killed or crashed), so this one recovered the "
                            + "file: compacting right after a recovery is unsafe with H2 (issue #4123). Nothing was "
                            + "changed; run the command again, it compacts once the project has closed cleanly.");
        }
        try (Project project = Project.open(p)) {
            assertThat(project.recovered()).as("that close was clean").isFalse();
        }
    }
}
