package dev.lrrecsys.workbench.project;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.Database;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens the embedded H2 file of a project and turns H2's errors into messages a user can act on. */
final class ProjectDatabase {

    private ProjectDatabase() {
    }

    static Database open(Path projectDir) {
        // File mode only: no TCP server, no web console, no AUTO_SERVER (which would open a socket).
        // FILE_LOCK=FILE makes a second process fail fast instead of corrupting the file.
        // MAX_COMPACT_TIME=0: compacting on close after recovering from a killed process has corrupted files
        // ("Double mark", h2database issue #4123); a project file that stays larger is the safer trade.
        String url = "jdbc:h2:file:" + projectDir.resolve(Project.DB_BASE_NAME)
                + ";FILE_LOCK=FILE;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "lrw", "");
        pool.setMaxConnections(32);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw translate(projectDir, e);
        }
        return Database.over(pool, projectDir);
    }

    /** Each in-memory copy gets its own name: two read-backs at once must not share H2's in-memory files. */
    private static final java.util.concurrent.atomic.AtomicLong READ_BACKS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Reads the database file as the next open will find it, writing nothing to the project's disk (so it works on a
     * full disk): to find out what a commit that failed half-way left. First read-only; when the file holds a
     * transaction H2 must finish first (commit or roll back, which writes: a read-only open then fails with "This
     * store is read-only"), from a copy in memory, where H2 finishes it as the next open of the file will.
     */
    static <T> T readAsNextOpenWould(Path projectDir, Database.Work<T> work) {
        Path file = projectDir.resolve(Project.DB_FILE_NAME);
        String readOnly = "jdbc:h2:file:" + projectDir.resolve(Project.DB_BASE_NAME)
                + ";ACCESS_MODE_DATA=r;FILE_LOCK=NO;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";
        try {
            return readWith(readOnly, work);
        } catch (RuntimeException unfinishedTransaction) {
            long bytes;
            try {
                bytes = Files.size(file);
            } catch (java.io.IOException e) {
                unfinishedTransaction.addSuppressed(e);
                throw unfinishedTransaction;
            }
            Runtime rt = Runtime.getRuntime();
            long heapLeft = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (bytes > heapLeft / 2) {
                throw new WorkbenchException("Cannot read " + file + " back in memory: it holds " + bytes / 1048576
                        + " MB and this process has " + heapLeft / 1048576 + " MB of memory left (run with more, e.g. "
                        + "LRW_JAVA_OPTS=-Xmx8g).", unfinishedTransaction);
            }
            // H2's compressed in-memory file system: the copy lives in this process only and is deleted below.
            String copyDir = "memLZF:/lrw-read-back-" + READ_BACKS.incrementAndGet();
            try {
                try (java.io.InputStream in = Files.newInputStream(file);
                     java.io.OutputStream out = org.h2.store.fs.FileUtils.newOutputStream(copyDir + "/" + Project.DB_FILE_NAME, false)) {
                    in.transferTo(out);
                }
                return readWith("jdbc:h2:" + copyDir + "/" + Project.DB_BASE_NAME
                        + ";FILE_LOCK=NO;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0", work);
            } catch (java.io.IOException | RuntimeException e) {
                e.addSuppressed(unfinishedTransaction);
                throw e instanceof RuntimeException r ? r
                        : new WorkbenchException("Cannot read " + file + " back: " + e.getMessage(), e);
            } finally {
                org.h2.store.fs.FileUtils.deleteRecursive(copyDir, true);
            }
        }
    }

    private static <T> T readWith(String url, Database.Work<T> work) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "lrw", "");
        try (Database db = Database.over(pool)) {
            return db.read(work);
        }
    }

    /**
     * Rewrites the (closed) database file with its live data only: H2's SHUTDOWN COMPACT copies it into a new file
     * and replaces the old one. Only for a file whose last session closed cleanly: compacting right after H2
     * recovered a killed session is where issue #4123 ("Double mark") corrupted files.
     */
    static void compact(Path projectDir) {
        String url = "jdbc:h2:file:" + projectDir.resolve(Project.DB_BASE_NAME) + ";FILE_LOCK=FILE;MAX_COMPACT_TIME=0";
        try (Connection c = java.sql.DriverManager.getConnection(url, "lrw", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw translate(projectDir, e);
        }
    }

    static WorkbenchException translate(Path projectDir, SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new ProjectLockedException(projectDir);
        }
        if (e.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1 || e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
            return new WorkbenchException("Cannot read the project database in " + projectDir
                    + ": the file is damaged or was written by an incompatible H2 version (" + e.getMessage() + ")", e);
        }
        Path file = projectDir.resolve(Project.DB_FILE_NAME);
        if (!Files.isWritable(projectDir) || Files.exists(file) && !Files.isWritable(file)) {
            // H2 reports this as a generic SQL error naming its lock or log file: say what the user can change.
            return new WorkbenchException("Cannot open the project in " + projectDir + ": the folder or "
                    + Project.DB_FILE_NAME + " is read-only, and a project needs to write to it (copy the folder "
                    + "somewhere writable, or change its permissions).", e);
        }
        return new WorkbenchException("Cannot open the project database in " + projectDir + ": " + e.getMessage(), e);
    }
}
