package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.GenerationRunRepository;
import dev.lrrecsys.workbench.store.RowCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An open project folder: {@code workbench.mv.db} (H2), {@code models/} (checkpoints) and {@code exports/}.
 * Opening migrates the schema; only one process may hold a project open at a time (H2's file lock).
 */
public final class Project implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Project.class);

    public static final String DB_BASE_NAME = "workbench";
    public static final String DB_FILE_NAME = DB_BASE_NAME + ".mv.db";

    private final Path dir;
    private final Database database;

    private Project(Path dir, Database database) {
        this.dir = dir;
        this.database = database;
    }

    /** Creates a new project folder (it must not already hold a project) and opens it. */
    public static Project create(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs.resolve(DB_FILE_NAME))) {
            throw new WorkbenchException("A project already exists in " + abs + ": open it instead.");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new WorkbenchException("Cannot create a project at " + abs + ": it is a file, not a folder.");
        }
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new WorkbenchException("Cannot create the folder " + abs + ": " + e.getMessage(), e);
        }
        return openExisting(abs);
    }

    /**
     * Opens an existing project folder. A sample folder (see {@link SampleProjects}) without a database yet is
     * refused: building it is an import, run as a job by workflow.OpenProject with progress and cancel.
     */
    public static Project open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.exists(abs.resolve(DB_FILE_NAME)) && SampleProjects.isSample(abs)) {
            throw new WorkbenchException("The sample in " + abs + " has no database yet: open it in the window or with an "
                    + "lrw command, which build it from its data first.");
        }
        if (!Files.exists(abs.resolve(DB_FILE_NAME))) {
            throw new WorkbenchException("No project in " + abs + " (no " + DB_FILE_NAME
                    + "): create one with `lrw project create " + dir + "`.");
        }
        return openExisting(abs);
    }

    /** True when the folder holds a project database. */
    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(DB_FILE_NAME));
    }

    private static Project openExisting(Path abs) {
        Path file = abs.resolve(DB_FILE_NAME);
        try {
            if (Files.exists(file) && Files.size(file) == 0) {
                // H2 would silently make a new, empty project out of it.
                throw new WorkbenchException("The project database " + file + " is empty (0 bytes): the file was "
                        + "damaged (a full disk or an interrupted copy can do this) and was left as it is. "
                        + ProjectBackup.restoreHint(abs));
            }
        } catch (IOException e) {
            throw new WorkbenchException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Database db = ProjectDatabase.open(abs);
        try {
            checkAgainstLastClose(abs, db);
            SchemaMigrations.migrate(db, abs);
            // This process holds the file lock, so nothing else can be running what the database says is running:
            // such rows were left by a process that was killed or crashed.
            db.inTransaction(tx -> {
                new ExperimentRepository().markInterrupted(tx);
                new GenerationRunRepository().markInterrupted(tx);
            });
            Files.createDirectories(abs.resolve("models"));
            Files.createDirectories(abs.resolve("exports"));
        } catch (IOException e) {
            db.close();
            throw new WorkbenchException("Cannot create the project's folders in " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new Project(abs, db);
    }

    /**
     * Refuses a database that holds fewer rows than it held when the project was last closed (a truncated file,
     * an older copy put in its place), before anything writes to it.
     */
    private static void checkAgainstLastClose(Path abs, Database db) throws IOException {
        Optional<CommitRecord> last = CommitRecord.read(abs);
        if (last.isEmpty()) {
            return;
        }
        Map<String, Long> now;
        try {
            now = db.read(tx -> new RowCounts().read(tx));
        } catch (RuntimeException tablesMissing) {
            now = Map.of();
        }
        Optional<String> shortfall = last.get().firstShortfall(now);
        if (shortfall.isPresent()) {
            throw new WorkbenchException("The project database " + abs.resolve(DB_FILE_NAME) + " holds fewer rows than "
                    + "when the project was last closed (" + shortfall.get() + "; closed " + last.get().closedAt()
                    + "): it is damaged or an older copy; its contents were not changed. " + ProjectBackup.restoreHint(abs));
        }
    }

    public Path dir() {
        return dir;
    }

    /** The folder's name, shown in the window title. */
    public String name() {
        return dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    }

    public Database database() {
        return database;
    }

    public Path modelsDir() {
        return dir.resolve("models");
    }

    public Path exportsDir() {
        return dir.resolve("exports");
    }

    /** Records what the database holds (see {@link CommitRecord}), then closes it. */
    @Override
    public void close() {
        try {
            CommitRecord.write(dir, database.read(tx -> new RowCounts().read(tx)));
        } catch (IOException | RuntimeException e) {
            // The record only guards the next open; failing to write it must not lose the close itself.
            LOG.warn("Could not record the project's row counts in {}: {}", dir.resolve(CommitRecord.FILE_NAME), e.toString());
        } finally {
            database.close();
        }
    }
}
