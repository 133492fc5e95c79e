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
        return Database.over(pool);
    }

    /**
     * The database file as it is on disk, read-only (nothing is written, so it opens on a full disk too): to find out
     * what a commit that failed half-way left. The caller disposes of it.
     */
    static Database openReadOnly(Path projectDir) {
        String url = "jdbc:h2:file:" + projectDir.resolve(Project.DB_BASE_NAME)
                + ";ACCESS_MODE_DATA=r;FILE_LOCK=FILE;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "lrw", "");
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw translate(projectDir, e);
        }
        return Database.over(pool);
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
