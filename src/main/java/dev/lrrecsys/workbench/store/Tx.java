package dev.lrrecsys.workbench.store;

import java.sql.Connection;

/**
 * One open unit of work. Outside {@code store} it is an opaque token passed to repositories; only this
 * package sees the connection behind it.
 */
public final class Tx {

    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }
}
