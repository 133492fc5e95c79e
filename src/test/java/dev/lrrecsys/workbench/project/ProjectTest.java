package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creating and opening project folders, and the clear refusals: no project, already a project, newer schema, held elsewhere. */
class ProjectTest {

    @TempDir
    Path tmp;

    @Test
    void createMakesTheDatabaseAndFoldersAndOpenFindsThem() {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir)) {
            assertThat(p.dir()).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(p.name()).isEqualTo("p");
        }
        assertThat(dir.resolve("workbench.mv.db")).isRegularFile();
        assertThat(dir.resolve("models")).isDirectory();
        assertThat(dir.resolve("exports")).isDirectory();
        try (Project p = Project.open(dir)) {
            assertThat(Project.exists(p.dir())).isTrue();
        }
    }

    @Test
    void creatingOverAnExistingProjectIsRefused() {
        Path dir = tmp.resolve("p");
        Project.create(dir).close();
        assertThatThrownBy(() -> Project.create(dir)).isInstanceOf(WorkbenchException.class)
                .hasMessage("A project already exists in " + dir.toAbsolutePath().normalize() + ": open it instead.");
    }

    @Test
    void openingAFolderWithoutAProjectSaysHowToCreateOne() {
        Path dir = tmp.resolve("empty");
        assertThatThrownBy(() -> Project.open(dir)).isInstanceOf(WorkbenchException.class)
                .hasMessage("No project in " + dir.toAbsolutePath().normalize() + " (no workbench.mv.db): create one with `lrw project create "
                        + dir + "`.");
    }

    @Test
    void aProjectWrittenByANewerSchemaIsRefusedClearly() throws Exception {
        Path dir = tmp.resolve("future");
        Project.create(dir).close();
        String url = "jdbc:h2:file:" + dir.resolve("workbench") + ";FILE_LOCK=FILE";
        try (Connection c = DriverManager.getConnection(url, "lrw", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\") "
                    + "VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'lrw', CURRENT_TIMESTAMP, 0, TRUE)");
        }
        assertThatThrownBy(() -> Project.open(dir)).isInstanceOf(WorkbenchException.class)
                .hasMessage("The project " + dir.toAbsolutePath().normalize() + " was written by a newer LR-Recsys Workbench "
                        + "(schema version 999; this version knows up to " + newestMigration() + "): update the workbench to open it.");
    }

    @Test
    void aProjectWhoseAppliedMigrationDiffersIsRefusedAndLeftUnchanged() throws Exception {
        Path dir = tmp.resolve("pre-release").toAbsolutePath().normalize();
        Project.create(dir).close();
        String url = "jdbc:h2:file:" + dir.resolve("workbench") + ";FILE_LOCK=FILE";
        try (Connection c = DriverManager.getConnection(url, "lrw", ""); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '2'");
        }
        assertThatThrownBy(() -> Project.open(dir)).isInstanceOf(WorkbenchException.class)
                .hasMessage("The project " + dir + " was created by a pre-release build of the workbench whose database "
                        + "layout differs from this version's (Migration checksum mismatch for migration version 2). It was "
                        + "left unchanged: create a new project and import its data again.");
        try (Connection c = DriverManager.getConnection(url, "lrw", ""); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '2'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(12345);
        }
    }

    @org.junit.jupiter.api.Tag("slow")
    @Test
    void aProjectHeldByAnotherProcessIsReportedAsSuch() throws Exception {
        Path dir = tmp.resolve("held").toAbsolutePath().normalize();
        Project.create(dir).close();
        Process holder = ProjectHolder.start(dir);
        try {
            assertThatThrownBy(() -> Project.open(dir)).isInstanceOf(ProjectLockedException.class)
                    .hasMessage("The project " + dir + " is open in another process (its database file is locked): "
                            + "close the other workbench window or wait for the other command to finish, then try again.");
        } finally {
            ProjectHolder.stop(holder);
        }
        Project.open(dir).close();
    }

    /** The newest migration shipped on the classpath, as Flyway prints it. */
    private static MigrationVersion newestMigration() throws IOException, URISyntaxException {
        Path dir = Path.of(ProjectTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9_.]+__.*\\.sql"))
                    .map(n -> MigrationVersion.fromVersion(n.substring(1, n.indexOf("__")).replace('_', '.')))
                    .max(MigrationVersion::compareTo).orElseThrow();
        }
    }
}
