package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.ExplainFixtures;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import dev.lrrecsys.workbench.workflow.GenerateExplanations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A damaged or replaced database is refused, named, and left as it is (issue 15, point 3). */
class DamagedProjectTest {

    @Test
    void anOlderCopyOfTheDatabaseIsRefusedWithTheShortfallAndTheBackupToRestore(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("p");
        ExplainFixtures.tinyWorld(p, "El Quinto").close();
        Path older = dir.resolve("older.mv.db");
        Files.copy(p.resolve(Project.DB_FILE_NAME), older);
        try (Project project = Project.open(p)) {
            GenerateExplanations.job(project, GenerateExplanations.Settings.defaults()).run(TaskContext.silent());
        }
        assertThat(ProjectBackup.file(p)).exists();
        // What a truncated file or an older copy put back looks like to the next open: fewer rows than at the close.
        Files.copy(older, p.resolve(Project.DB_FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        List<String> before = contents(p.resolve(Project.DB_FILE_NAME), dir.resolve("before"));

        assertThatThrownBy(() -> Project.open(p)).isInstanceOf(WorkbenchException.class)
                .hasMessageStartingWith("The project database " + p.resolve(Project.DB_FILE_NAME) + " holds fewer rows than "
                        + "when the project was last closed (explanations: 0 of 16; closed ")
                .hasMessageEndingWith("): it is damaged or an older copy; its contents were not changed. A backup taken before the "
                        + "last generation or experiment is " + ProjectBackup.file(p) + ": unzip its workbench.mv.db into "
                        + "the folder (replacing the damaged one) to go back to that state. `lrw project check --project "
                        + p + "` says what the folder holds.");
        assertThat(contents(p.resolve(Project.DB_FILE_NAME), dir.resolve("after"))).isEqualTo(before);
    }

    /** Every table's rows of a database file, read from a copy in a folder of its own (no record there to check). */
    private static List<String> contents(Path database, Path copyDir) throws Exception {
        Files.createDirectories(copyDir);
        Files.copy(database, copyDir.resolve(Project.DB_FILE_NAME));
        try (Project copy = Project.open(copyDir)) {
            return TableSnapshot.everything(copy.database());
        }
    }

    @Test
    void anEmptiedDatabaseFileIsRefusedInsteadOfBecomingANewProject(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("p");
        Project.create(p).close();
        Files.write(p.resolve(Project.DB_FILE_NAME), new byte[0]);

        assertThatThrownBy(() -> Project.open(p)).isInstanceOf(WorkbenchException.class)
                .hasMessage("The project database " + p.resolve(Project.DB_FILE_NAME) + " is empty (0 bytes): the file "
                        + "was damaged (a full disk or an interrupted copy can do this) and was left as it is. There is no "
                        + "backup in " + p.resolve("backups") + " (one is kept from the first generation or experiment on). "
                        + "`lrw project check --project " + p + "` says what the folder holds.");
        assertThat(p.resolve(Project.DB_FILE_NAME)).isEmptyFile();
    }
}
