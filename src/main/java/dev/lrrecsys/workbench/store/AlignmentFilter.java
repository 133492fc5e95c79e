package dev.lrrecsys.workbench.store;

/**
 * How the explanations explorer orders and narrows by alignment scores (docs/alignment.md); null bounds do not
 * filter. With {@link Order#NONE} and no bound the explorer reads explanations as before, in id order.
 */
public record AlignmentFilter(Order order, Double lcMin, Double lcMax, Double icMin, Double icMax) {

    public enum Order {
        NONE("id order", null),
        LC_ASCENDING("LC, lowest first", "a.lc ASC"),
        LC_DESCENDING("LC, highest first", "a.lc DESC"),
        IC_ASCENDING("IC, lowest first", "a.ic ASC"),
        IC_DESCENDING("IC, highest first", "a.ic DESC");

        private final String label;
        private final String sql;

        Order(String label, String sql) {
            this.label = label;
            this.sql = sql;
        }

        public String label() {
            return label;
        }

        String sql() {
            return sql;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static AlignmentFilter none() {
        return new AlignmentFilter(Order.NONE, null, null, null, null);
    }

    /** Whether the scores decide anything (else the explorer's usual id-order paging applies). */
    public boolean active() {
        return order != Order.NONE || lcMin != null || lcMax != null || icMin != null || icMax != null;
    }
}
