package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What explanation generators read: samples by id pages (without their rating: generators must never see
 * it), products with their attributes and profiles, and consumer attributes.
 */
public final class ExplanationInputRepository {

    /** A sample as generators see it: no rating. History holds 1..5 product ids, oldest first. */
    public record SampleRef(long id, int consumerId, int productId, int[] history) {
    }

    /** One name/value pair of a product or consumer. */
    public record AttributeRow(String name, String value) {
    }

    /** A product with its attributes in a stable order. */
    public record ProductRow(int id, String name, List<AttributeRow> attributes) {
    }

    public long sampleCount(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM sample");
    }

    /** The id of the n-th sample (1-based) in id order, or Long.MAX_VALUE when there are fewer. */
    public long nthSampleId(Tx tx, long n) throws SQLException {
        Long id = Sql.one(tx, "SELECT id FROM sample ORDER BY id LIMIT 1 OFFSET ?", rs -> rs.getLong(1), n - 1);
        return id == null ? Long.MAX_VALUE : id;
    }

    /** Up to {@code limit} samples with id greater than {@code afterId} and at most {@code maxId}, in id order. */
    public List<SampleRef> page(Tx tx, long afterId, long maxId, int limit) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id, consumer_id, product_id, hist1, hist2, hist3, hist4, hist5 FROM sample "
                        + "WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setLong(2, maxId);
            ps.setInt(3, limit);
            List<SampleRef> out = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                int[] buf = new int[5];
                while (rs.next()) {
                    int n = 0;
                    for (int c = 4; c <= 8; c++) {
                        int v = rs.getInt(c);
                        if (!rs.wasNull()) {
                            buf[n++] = v;
                        }
                    }
                    out.add(new SampleRef(rs.getLong(1), rs.getInt(2), rs.getInt(3), java.util.Arrays.copyOf(buf, n)));
                }
            }
            return out;
        }
    }

    public Map<Integer, ProductRow> products(Tx tx) throws SQLException {
        Map<Integer, List<AttributeRow>> attrs = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT product_id, name, val FROM product_attribute ORDER BY product_id, name, val");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                attrs.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new AttributeRow(rs.getString(2), rs.getString(3)));
            }
        }
        Map<Integer, ProductRow> out = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, name FROM product");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int id = rs.getInt(1);
                out.put(id, new ProductRow(id, rs.getString(2), List.copyOf(attrs.getOrDefault(id, List.of()))));
            }
        }
        return out;
    }

    public Map<Integer, List<AttributeRow>> consumerAttributes(Tx tx) throws SQLException {
        Map<Integer, List<AttributeRow>> out = new HashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT consumer_id, name, val FROM consumer_attribute ORDER BY consumer_id, name, val");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new AttributeRow(rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }
}
