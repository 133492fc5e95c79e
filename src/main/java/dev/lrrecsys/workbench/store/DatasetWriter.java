package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * Bulk writes of consumers, products, their attributes, interactions and ground truth inside one
 * {@link Tx}: batched prepared statements, flushed every {@value #BATCH} rows. Ids are chosen by the
 * caller (importers keep the external-to-internal maps), so no round trip per row is needed.
 * Close it before the transaction ends: closing also records what was written in the view figures of
 * schema V7 (counts, rating histogram, product activity), in the same transaction.
 */
public final class DatasetWriter implements AutoCloseable {

    private static final int BATCH = 5_000;

    private final Batch consumers;
    private final Batch consumerAttributes;
    private final Batch products;
    private final Batch productAttributes;
    private final Batch interactions;
    private final Batch groundTruth;
    private final Tx tx;
    private PreparedStatement replace;
    private long consumerCount;
    private long productCount;
    private long interactionCount;
    private final Map<Double, Long> ratingCounts = new HashMap<>();
    private final Map<Integer, double[]> productActivity = new HashMap<>();

    public DatasetWriter(Tx tx) throws SQLException {
        this.tx = tx;
        consumers = new Batch(tx, "INSERT INTO consumer (id, external_id) VALUES (?, ?)");
        consumerAttributes = new Batch(tx, "INSERT INTO consumer_attribute (consumer_id, name, val) VALUES (?, ?, ?)");
        products = new Batch(tx, "INSERT INTO product (id, external_id, name, city) VALUES (?, ?, ?, ?)");
        productAttributes = new Batch(tx, "INSERT INTO product_attribute (product_id, name, val) VALUES (?, ?, ?)");
        interactions = new Batch(tx, "INSERT INTO interaction (id, consumer_id, product_id, rating, ts, details) "
                + "VALUES (?, ?, ?, ?, ?, ?)");
        groundTruth = new Batch(tx, "INSERT INTO ground_truth (consumer_id, attribute, val, weight) VALUES (?, ?, ?, ?)");
    }

    /** A failure of this writer's SQL as the user sees it (a full disk named as such, see {@link StoreException}). */
    public StoreException failure(Exception e) {
        return StoreException.of(e, false, tx.databaseDir());
    }

    public void consumer(int id, String externalId) throws SQLException {
        PreparedStatement ps = consumers.ps;
        ps.setInt(1, id);
        ps.setString(2, externalId);
        consumers.add();
        consumerCount++;
    }

    public void consumerAttribute(int consumerId, String name, String value) throws SQLException {
        consumers.flush();
        PreparedStatement ps = consumerAttributes.ps;
        ps.setInt(1, consumerId);
        ps.setString(2, name);
        ps.setString(3, value);
        consumerAttributes.add();
    }

    public void product(int id, String externalId, String name, String city) throws SQLException {
        PreparedStatement ps = products.ps;
        ps.setInt(1, id);
        ps.setString(2, externalId);
        ps.setString(3, name);
        ps.setString(4, city);
        products.add();
        productCount++;
    }

    public void productAttribute(int productId, String name, String value) throws SQLException {
        products.flush();
        PreparedStatement ps = productAttributes.ps;
        ps.setInt(1, productId);
        ps.setString(2, name);
        ps.setString(3, value);
        productAttributes.add();
    }

    /** @param epochSeconds null when the source has no time */
    public void interaction(long id, int consumerId, int productId, double rating, Long epochSeconds, String details)
            throws SQLException {
        // Products and consumers must reach the database before the rows that reference them.
        consumers.flush();
        products.flush();
        PreparedStatement ps = interactions.ps;
        ps.setLong(1, id);
        ps.setInt(2, consumerId);
        ps.setInt(3, productId);
        ps.setDouble(4, rating);
        if (epochSeconds == null) {
            ps.setNull(5, Types.BIGINT);
        } else {
            ps.setLong(5, epochSeconds);
        }
        ps.setString(6, details);
        interactions.add();
        interactionCount++;
        ratingCounts.merge(rating, 1L, Long::sum);
        double[] activity = productActivity.computeIfAbsent(productId, k -> new double[2]);
        activity[0]++;
        activity[1] += rating;
    }

    /**
     * Gives an interaction written earlier in this transaction a new rating and details (an importer merging a
     * duplicate row into it), keeping the view figures in step.
     */
    public void replaceRating(long id, int productId, double oldRating, double newRating, String details)
            throws SQLException {
        interactions.flush();
        if (replace == null) {
            replace = tx.connection().prepareStatement("UPDATE interaction SET rating = ?, details = ? WHERE id = ?");
        }
        replace.setDouble(1, newRating);
        replace.setString(2, details);
        replace.setLong(3, id);
        if (replace.executeUpdate() != 1) {
            throw new SQLException("interaction " + id + " is not in this transaction's writes");
        }
        ratingCounts.merge(oldRating, -1L, (a, b) -> a + b == 0 ? null : a + b);
        ratingCounts.merge(newRating, 1L, Long::sum);
        productActivity.get(productId)[1] += newRating - oldRating;
    }

    public void groundTruth(int consumerId, String attribute, String value, double weight) throws SQLException {
        consumers.flush();
        PreparedStatement ps = groundTruth.ps;
        ps.setInt(1, consumerId);
        ps.setString(2, attribute);
        ps.setString(3, value);
        ps.setDouble(4, weight);
        groundTruth.add();
    }

    public void flush() throws SQLException {
        consumers.flush();
        products.flush();
        consumerAttributes.flush();
        productAttributes.flush();
        interactions.flush();
        groundTruth.flush();
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
            ViewSummaries.addCount(tx, "consumers", consumerCount);
            ViewSummaries.addCount(tx, "products", productCount);
            ViewSummaries.addCount(tx, "interactions", interactionCount);
            ViewSummaries.addRatings(tx, ratingCounts);
            ViewSummaries.addProductActivity(tx, productActivity);
        } finally {
            for (Batch b : new Batch[] {consumers, consumerAttributes, products, productAttributes, interactions, groundTruth}) {
                b.ps.close();
            }
            if (replace != null) {
                replace.close();
            }
        }
    }

    /** One prepared statement with its pending row count. */
    private static final class Batch {
        final PreparedStatement ps;
        int pending;

        Batch(Tx tx, String sql) throws SQLException {
            ps = tx.connection().prepareStatement(sql);
        }

        void add() throws SQLException {
            ps.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                pending = 0;
            }
        }
    }
}
