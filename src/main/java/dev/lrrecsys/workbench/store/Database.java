package dev.lrrecsys.workbench.store;

import dev.lrrecsys.workbench.WorkbenchException;
import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The project's embedded H2 database: hands out {@link Tx units of work}, never raw connections, so
 * that every write is all-or-nothing and SQL stays in this package.
 */
public final class Database implements AutoCloseable {

    private final JdbcConnectionPool pool;
    /** The folder of the database file, whose disk tells a full disk from other storage failures; null: unknown. */
    private final Path directory;

    private Database(JdbcConnectionPool pool, Path directory) {
        this.pool = pool;
        this.directory = directory;
    }

    /** Wraps an already opened pool whose file's folder is not known (a full disk is then named only from H2's messages). */
    public static Database over(JdbcConnectionPool pool) {
        return new Database(pool, null);
    }

    /** Wraps an already opened pool over a database file in {@code directory} (see {@code project.Project}). */
    public static Database over(JdbcConnectionPool pool, Path directory) {
        return new Database(pool, directory);
    }

    /** For Flyway only. */
    public DataSource dataSource() {
        return pool;
    }

    /** Work that may write; its connection commits when it returns and rolls back when it throws. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Tx tx) throws Exception;
    }

    /** Like {@link Work}, with nothing to return. */
    @FunctionalInterface
    public interface VoidWork {
        void accept(Tx tx) throws Exception;
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.apply(new Tx(c, directory));
            } catch (Throwable e) {
                rollbackQuietly(c, e);
                throw rethrow(e, directory);
            }
            try {
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                throw StoreException.of(e, true, directory);
            }
            return result;
        } catch (SQLException e) {
            throw StoreException.of(e, false, directory);
        }
    }

    public void inTransaction(VoidWork work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Read-only convenience: same as a transaction that writes nothing. */
    public <T> T read(Work<T> work) {
        return inTransaction(work);
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static RuntimeException rethrow(Throwable e, Path directory) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e instanceof SQLException s) {
            return StoreException.of(s, false, directory);
        }
        return new WorkbenchException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
