package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.List;

/** Reads the stored samples with their split, in a fixed order (consumer, then time), for training and testing. */
public final class ExperimentSampleReader {

    public List<StoredSample> all(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT id, consumer_id, product_id, rating, position, hist1, hist2, hist3, hist4, hist5, split "
                        + "FROM sample ORDER BY consumer_id, position, id",
                rs -> {
                    int[] history = new int[5];
                    for (int k = 0; k < 5; k++) {
                        int v = rs.getInt(6 + k);
                        history[k] = rs.wasNull() ? -1 : v;
                    }
                    return new StoredSample(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4), rs.getInt(5),
                            history, "test".equals(rs.getString(11)));
                });
    }
}
