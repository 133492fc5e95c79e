package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExperimentRepository;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository;
import dev.lrrecsys.workbench.store.GenerationRunRepository;
import dev.lrrecsys.workbench.store.RowCounts;
import dev.lrrecsys.workbench.store.StorageStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Compaction on close pays off from this size, when less than half the file holds live data. */
    private static final long COMPACT_FROM_BYTES = 32L << 20;
    private static final int COMPACT_BELOW_FILL_PERCENT = 50;

    private final Path dir;
    private final Database database;
    /** The last session ended without closing, so H2 recovered the file on this open: no compaction this session. */
    private final boolean recovered;
    private boolean compactOnClose;
    /** The database was closed after a failed commit (see {@link #readBackAfterFailedCommit}): nothing left to close. */
    private boolean closedAfterFailedCommit;

    private Project(Path dir, Database database, boolean recovered) {
        this.dir = dir;
        this.database = database;
        this.recovered = recovered;
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
        return openExisting(abs, true);
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
        return openExisting(abs, false);
    }

    /** True when the folder holds a project database. */
    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(DB_FILE_NAME));
    }

    /** @param created the folder was created just now: no earlier session can have left it half-written */
    private static Project openExisting(Path abs, boolean created) {
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
        Optional<CommitRecord> last;
        try {
            last = CommitRecord.read(abs);
        } catch (IOException | RuntimeException e) {
            throw new WorkbenchException("Cannot read " + abs.resolve(CommitRecord.FILE_NAME) + ": " + e.getMessage()
                    + " (delete it to open the project without the check against its last close).", e);
        }
        Database db = ProjectDatabase.open(abs);
        try {
            checkAgainstLastClose(abs, db, last);
            SchemaMigrations.migrate(db, abs);
            // This process holds the file lock, so nothing else can be running what the database says is running:
            // such rows were left by a process that was killed or crashed.
            List<String> halfTrained = db.inTransaction(tx -> {
                new ExperimentRepository().markInterrupted(tx);
                new GenerationRunRepository().markInterrupted(tx);
                return new ExplanationCodeRepository().removeUnfinished(tx);
            });
            for (String checkpoint : halfTrained) {
                Path stale = abs.resolve(checkpoint).normalize();
                if (stale.startsWith(abs) && !checkpoint.isBlank()) {
                    Files.deleteIfExists(stale);
                }
            }
            Files.createDirectories(abs.resolve("models"));
            Files.createDirectories(abs.resolve("exports"));
            CommitRecord.writeOpen(abs, last.orElseGet(() -> new CommitRecord(Map.of(), "", true)));
        } catch (IOException e) {
            db.close();
            throw new WorkbenchException("Cannot create the project's folders in " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        // A project without a record was closed by an earlier version: whether cleanly is unknown, so no compaction.
        return new Project(abs, db, !created && last.map(CommitRecord::open).orElse(true));
    }

    /**
     * Refuses a database that holds fewer rows than it held when the project was last closed (a truncated file,
     * an older copy put in its place), before anything writes to it.
     */
    private static void checkAgainstLastClose(Path abs, Database db, Optional<CommitRecord> last) {
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

    /**
     * After a commit failed in a way that leaves unknown whether it was written (the disk filled up during it): closes
     * this project's database (H2 has closed its store already) and reads the file as the next open will find it,
     * writing nothing to the disk (see {@link ProjectDatabase#readAsNextOpenWould}). The project cannot be used
     * afterwards; open it again.
     */
    public <T> T readBackAfterFailedCommit(Database.Work<T> work) {
        database.close();
        closedAfterFailedCommit = true;
        return ProjectDatabase.readAsNextOpenWould(dir, work);
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

    /**
     * Whether this session opened a file whose last session ended without closing: then the database is not
     * compacted on this close (see {@link ProjectDatabase#compact}).
     */
    public boolean recovered() {
        return recovered;
    }

    /** Compacts the database when the project is closed, whatever its fill rate (for `lrw project compact`). */
    public void compactOnClose() {
        if (recovered) {
            throw new WorkbenchException("The last session of " + dir + " ended without closing (killed or crashed), "
                    + "so this one recovered the file: compacting right after a recovery is unsafe with H2 (issue #4123). "
                    + "Nothing was changed; run the command again, it compacts once the project has closed cleanly.");
        }
        compactOnClose = true;
    }

    /**
     * Records what the database holds (see {@link CommitRecord}) and closes it; when the last session closed cleanly
     * and most of a large file is dead space, compacts it first (H2 never reuses space while compaction is off).
     */
    @Override
    public void close() {
        if (closedAfterFailedCommit) {
            // The record of the last clean close stays, open: the next open checks the file against it.
            return;
        }
        Map<String, Long> counts = null;
        StorageStats storage = null;
        try {
            counts = database.read(tx -> new RowCounts().read(tx));
            storage = database.read(StorageStats::read);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the row counts of {}: {}", dir, e.toString());
        } finally {
            database.close();
        }
        if (counts == null) {
            // The database failed (a full disk, a damaged file): the record of the last clean close stays, open.
            return;
        }
        boolean worthIt = storage != null && storage.fileBytes() >= COMPACT_FROM_BYTES
                && storage.chunksFillPercent() < COMPACT_BELOW_FILL_PERCENT;
        if (!recovered && (compactOnClose || worthIt)) {
            try {
                long before = Files.size(dir.resolve(DB_FILE_NAME));
                ProjectDatabase.compact(dir);
                LOG.info("Compacted {}: {} -> {} bytes", dir.resolve(DB_FILE_NAME), before,
                        Files.size(dir.resolve(DB_FILE_NAME)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not compact {}: {}", dir.resolve(DB_FILE_NAME), e.toString());
            }
        }
        try {
            CommitRecord.writeClosed(dir, counts);
        } catch (IOException e) {
            // The record only guards the next open; failing to write it must not fail the close itself.
            LOG.warn("Could not record the project's row counts in {}: {}", dir.resolve(CommitRecord.FILE_NAME), e.toString());
        }
    }
}
