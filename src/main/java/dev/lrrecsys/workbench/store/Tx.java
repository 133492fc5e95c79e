package dev.lrrecsys.workbench.store;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * One open unit of work. Outside {@code store} it is an opaque token passed to repositories; only this
 * package sees the connection behind it.
 */
public final class Tx {

    private final Connection connection;
    private final Path databaseDir;

    Tx(Connection connection, Path databaseDir) {
        this.connection = connection;
        this.databaseDir = databaseDir;
    }

    /** The folder holding the database file (null when unknown): its disk is looked at when a write fails. */
    Path databaseDir() {
        return databaseDir;
    }

    Connection connection() {
        return connection;
    }
}
