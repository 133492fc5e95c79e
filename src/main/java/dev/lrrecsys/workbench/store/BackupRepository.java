package dev.lrrecsys.workbench.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/** H2's online backup: a consistent zip of the whole database, taken while it stays open. */
public final class BackupRepository {

    /** Writes the database, as of this transaction's start, to {@code zip} (a new file). */
    public void backupTo(Tx tx, Path zip) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            // BACKUP TO takes a literal, not a parameter: the path is quoted as SQL quotes strings.
            s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }
}
