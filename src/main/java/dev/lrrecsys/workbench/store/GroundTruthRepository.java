package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.util.List;

/** Reads a synthetic world's hidden preferences (table ground_truth) for checks of what explanations reveal. */
public final class GroundTruthRepository {

    /** One attribute value of a product and how many of its visitors' hidden preferences dislike it. */
    public record DislikedValue(int productId, String attribute, String value, long dislikers) {
    }

    public boolean present(Tx tx) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM (SELECT 1 FROM ground_truth LIMIT 1)") > 0;
    }

    /** Every product attribute value that at least one of the product's visitors dislikes, most dislikers first. */
    public List<DislikedValue> dislikedValues(Tx tx) throws SQLException {
        return Sql.list(tx, "SELECT a.product_id, a.name, a.val, COUNT(DISTINCT g.consumer_id) FROM product_attribute a "
                        + "JOIN interaction i ON i.product_id = a.product_id "
                        + "JOIN ground_truth g ON g.consumer_id = i.consumer_id AND g.attribute = a.name AND g.val = a.val "
                        + "WHERE g.weight < 0 GROUP BY a.product_id, a.name, a.val "
                        + "ORDER BY a.product_id, COUNT(DISTINCT g.consumer_id) DESC, a.name, a.val",
                rs -> new DislikedValue(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }
}
