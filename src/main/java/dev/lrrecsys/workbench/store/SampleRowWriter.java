package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Batched inserts of sample rows whose histories the caller already knows: used by the generation bench's
 * synthetic world and by tests (the sample derivation job computes them from interactions).
 */
public final class SampleRowWriter implements AutoCloseable {

    private static final int BATCH = 5_000;

    private final PreparedStatement ps;
    private int pending;

    public SampleRowWriter(Tx tx) throws SQLException {
        ps = tx.connection().prepareStatement("INSERT INTO sample (id, consumer_id, product_id, rating, position, "
                + "hist1, hist2, hist3, hist4, hist5, split) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** @param history 1..5 product ids, oldest first (left-padded with NULL in the table) */
    public void add(long id, int consumerId, int productId, double rating, int position, int[] history, String split)
            throws SQLException {
        if (history.length < 1 || history.length > 5) {
            throw new IllegalArgumentException("history must hold 1..5 products, was " + history.length);
        }
        ps.setLong(1, id);
        ps.setInt(2, consumerId);
        ps.setInt(3, productId);
        ps.setDouble(4, rating);
        ps.setInt(5, position);
        int pad = 5 - history.length;
        for (int i = 0; i < 5; i++) {
            if (i < pad) {
                ps.setNull(6 + i, Types.INTEGER);
            } else {
                ps.setInt(6 + i, history[i - pad]);
            }
        }
        ps.setString(11, split);
        ps.addBatch();
        if (++pending >= BATCH) {
            flush();
        }
    }

    public void flush() throws SQLException {
        if (pending > 0) {
            ps.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            ps.close();
        }
    }
}
