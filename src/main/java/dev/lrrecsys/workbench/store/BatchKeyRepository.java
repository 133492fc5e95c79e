package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.UUID;

/** The project's batch key: a random id written into every exported custom_id (answers of other projects are told apart). */
public final class BatchKeyRepository {

    /** The key, or null when no batch file was ever exported from this project. */
    public String find(Tx tx) throws SQLException {
        return Sql.one(tx, "SELECT project_key FROM batch_key WHERE id = 1", rs -> rs.getString(1));
    }

    public String findOrCreate(Tx tx) throws SQLException {
        String key = find(tx);
        if (key == null) {
            key = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Sql.update(tx, "INSERT INTO batch_key (id, project_key) VALUES (1, ?)", key);
        }
        return key;
    }
}
