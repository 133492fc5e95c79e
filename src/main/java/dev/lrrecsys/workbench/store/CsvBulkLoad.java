package dev.lrrecsys.workbench.store;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * H2's own bulk load (INSERT ... SELECT FROM CSVREAD) of a ratings CSV with the columns consumer, product,
 * rating, time into the same tables the importer writes: the yardstick of `lrw bench import`.
 */
public final class CsvBulkLoad {

    /** Loads the file; returns the number of interactions inserted. */
    public long load(Tx tx, Path csv) throws SQLException {
        // H2 reads CSVREAD's columns when it prepares the statement, so the file name cannot be a parameter:
        // it is a path of our own, written as an SQL string literal with its quotes doubled.
        String source = "CSVREAD('" + csv.toAbsolutePath().toString().replace("'", "''") + "', NULL, 'charset=UTF-8')";
        Sql.update(tx, "INSERT INTO consumer (id, external_id) SELECT ROW_NUMBER() OVER (ORDER BY c), c "
                + "FROM (SELECT DISTINCT \"CONSUMER\" AS c FROM " + source + ")");
        Sql.update(tx, "INSERT INTO product (id, external_id, name) SELECT ROW_NUMBER() OVER (ORDER BY p), p, p "
                + "FROM (SELECT DISTINCT \"PRODUCT\" AS p FROM " + source + ")");
        return Sql.update(tx, "INSERT INTO interaction (id, consumer_id, product_id, rating, ts) "
                + "SELECT ROWNUM(), c.id, p.id, CAST(r.\"RATING\" AS DOUBLE PRECISION), CAST(r.\"TIME\" AS BIGINT) "
                + "FROM " + source + " r "
                + "JOIN consumer c ON c.external_id = r.\"CONSUMER\" JOIN product p ON p.external_id = r.\"PRODUCT\"");
    }
}
