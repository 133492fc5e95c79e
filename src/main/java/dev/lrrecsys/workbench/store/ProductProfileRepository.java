package dev.lrrecsys.workbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Product profiles written by profile augmentation, one per product and generator+model. */
public final class ProductProfileRepository {

    /** One profile row; text is null unless status is ok. */
    public record ProfileRow(int productId, Integer templateVersion, String promptHash, String status, String text,
                             String reason) {
    }

    /** product id -> status of the stored profiles of this generator and model. */
    public Map<Integer, String> statuses(Tx tx, String generator, String model) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT product_id, status FROM product_profile WHERE generator = ? "
                + "AND model = ?", generator, model); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    /** product id -> accepted profile text of this generator and model. */
    public Map<Integer, String> okProfiles(Tx tx, String generator, String model) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (PreparedStatement ps = Sql.prepare(tx, "SELECT product_id, text FROM product_profile WHERE generator = ? "
                + "AND model = ? AND status = 'ok'", generator, model); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    public void save(Tx tx, String generator, String model, List<ProfileRow> rows) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("MERGE INTO product_profile (product_id, generator, "
                + "model, template_version, prompt_hash, status, text, reason, created_at) KEY (product_id, generator, model) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (ProfileRow r : rows) {
                ps.setInt(1, r.productId());
                ps.setString(2, generator);
                ps.setString(3, model);
                if (r.templateVersion() == null) {
                    ps.setNull(4, Types.INTEGER);
                } else {
                    ps.setInt(4, r.templateVersion());
                }
                ps.setString(5, r.promptHash());
                ps.setString(6, r.status());
                ps.setString(7, r.text());
                ps.setString(8, r.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
