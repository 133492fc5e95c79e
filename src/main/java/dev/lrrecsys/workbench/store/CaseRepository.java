package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read-only queries behind the case workbench: a run with what it needs to predict again (checkpoint, the
 * experiment's explanations and the autoencoder it trained on), samples to pick from, and attributes as rows.
 */
public final class CaseRepository {

    /**
     * A run and its experiment's explanation source; checkpoint relative to the project folder (null if none). Seed,
     * training fraction and the experiment's validation fraction say how the run's splits were made (the shuffled
     * control permutes codes within them). The variant says which explanation pairs it read.
     */
    public record CaseRun(long id, long experimentId, String model, int repeat, String status, String checkpoint,
                          String task, String generator, String generatorModel, OffsetDateTime experimentCreated,
                          long seed, double trainFraction, double validationFraction, String variant) {
        public String label() {
            return "run " + id + ": " + model + ", repeat " + (repeat + 1) + " (experiment " + experimentId + ")";
        }
    }

    /** A sample as the picker lists it. */
    public record SampleItem(long id, String consumer, String product, double rating, String split) {
        public String label() {
            return "#" + id + "  " + consumer + " / " + product + "  (" + split + ")";
        }
    }

    /** A product as the case workbench's product picker lists it; {@code attributes} reads "name: value; ...". */
    public record ProductItem(int id, String externalId, String name, String city, String attributes) {
        public String label() {
            return externalId + "  " + name + (city == null ? "" : " (" + city + ")") + (attributes.isEmpty() ? "" : "  " + attributes);
        }
    }

    /** One page of a product search: at most the limit asked for, and how many products match in all. */
    public record ProductPage(List<ProductItem> items, long total) {
    }

    /** An autoencoder's id and checkpoint (relative to the project folder). */
    public record AutoencoderRef(long id, String checkpoint) {
    }

    /** A stored prediction of the sample by one run of an experiment. */
    public record RunPrediction(long runId, String model, int repeat, double value) {
    }

    private static final String SELECT_RUN = "SELECT r.id, r.experiment_id, r.model, r.repeat_no, r.status, r.checkpoint, e.task, "
            + "e.generator, e.generator_model, e.created_at, r.seed, r.train_fraction, e.validation_fraction, e.variant FROM run r JOIN experiment e ON e.id = r.experiment_id ";

    private static CaseRun run(java.sql.ResultSet rs) throws SQLException {
        return new CaseRun(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getLong(11),
                rs.getDouble(12), rs.getDouble(13), rs.getString(14));
    }

    public CaseRun run(Tx tx, long runId) throws SQLException {
        return Sql.one(tx, SELECT_RUN + "WHERE r.id = ?", CaseRepository::run, runId);
    }

    /** Finished runs with a checkpoint, newest first: what the case workbench can predict with. */
    public List<CaseRun> doneRuns(Tx tx) throws SQLException {
        return Sql.list(tx, SELECT_RUN + "WHERE r.status = 'done' AND r.checkpoint IS NOT NULL ORDER BY r.id DESC",
                CaseRepository::run);
    }

    /** The newest finished lr-recsys run, else the newest finished run of any model; null when there is none. */
    public Long defaultRun(Tx tx) throws SQLException {
        Long ours = Sql.one(tx, "SELECT MAX(id) FROM run WHERE status = 'done' AND checkpoint IS NOT NULL AND model = 'lr-recsys'",
                rs -> rs.getObject(1) == null ? null : rs.getLong(1));
        return ours != null ? ours : Sql.one(tx, "SELECT MAX(id) FROM run WHERE status = 'done' AND checkpoint IS NOT NULL",
                rs -> rs.getObject(1) == null ? null : rs.getLong(1));
    }

    /** An experiment's first finished lr-recsys run with a checkpoint, else its first finished run; null if none. */
    public Long runOfExperiment(Tx tx, long experimentId) throws SQLException {
        return Sql.one(tx, "SELECT id FROM run WHERE experiment_id = ? AND status = 'done' AND checkpoint IS NOT NULL "
                + "ORDER BY CASE WHEN model = 'lr-recsys' THEN 0 ELSE 1 END, id LIMIT 1", rs -> rs.getLong(1), experimentId);
    }

    /** The first test sample (consumer, then time), null when there are no test samples. */
    public Long firstTestSample(Tx tx) throws SQLException {
        return Sql.one(tx, "SELECT id FROM sample WHERE split = 'test' ORDER BY consumer_id, position, id LIMIT 1",
                rs -> rs.getLong(1));
    }

    public boolean sampleExists(Tx tx, long sampleId) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM sample WHERE id = ?", sampleId) > 0;
    }

    /** Samples whose id, consumer or candidate name contains {@code text} (any case), test samples first. */
    public List<SampleItem> searchSamples(Tx tx, String text, int limit) throws SQLException {
        String q = text == null ? "" : text.trim();
        String select = "SELECT s.id, c.external_id, p.name, s.rating, s.split FROM sample s JOIN consumer c ON c.id = s.consumer_id "
                + "JOIN product p ON p.id = s.product_id ";
        String order = " ORDER BY CASE WHEN s.split = 'test' THEN 0 ELSE 1 END, s.id LIMIT ?";
        Sql.RowMapper<SampleItem> map = rs -> new SampleItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                rs.getString(5));
        if (q.isEmpty()) {
            return Sql.list(tx, select + order, map, limit);
        }
        String like = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Sql.list(tx, select + "WHERE CAST(s.id AS VARCHAR) = ? OR LOWER(c.external_id) LIKE ? OR LOWER(p.name) LIKE ?" + order,
                map, q, like, like, limit);
    }

    /**
     * Products whose id, name, city, or an attribute's name or value contains {@code text} (any case); an exact id
     * first, then by name. At most {@code limit} (large catalogues are narrowed by typing), with the number matching.
     */
    public ProductPage searchProducts(Tx tx, String text, int limit) throws SQLException {
        String q = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = q.isEmpty() ? "" : " WHERE LOWER(p.external_id) LIKE ? OR LOWER(p.name) LIKE ? OR LOWER(p.city) LIKE ? "
                + "OR EXISTS (SELECT 1 FROM product_attribute a WHERE a.product_id = p.id AND (LOWER(a.val) LIKE ? OR LOWER(a.name) LIKE ?))";
        Object[] filter = q.isEmpty() ? new Object[0] : new Object[] {like, like, like, like, like};
        long total = Sql.count(tx, "SELECT COUNT(*) FROM product p" + where, filter);
        Object[] params = java.util.Arrays.copyOf(filter, filter.length + 2);
        params[filter.length] = q;
        params[filter.length + 1] = limit;
        List<Object[]> rows = Sql.list(tx, "SELECT p.id, p.external_id, p.name, p.city FROM product p" + where
                        + " ORDER BY CASE WHEN LOWER(p.external_id) = ? THEN 0 ELSE 1 END, LOWER(p.name), p.id LIMIT ?",
                rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)}, params);
        List<ProductItem> items = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            int id = (Integer) r[0];
            Map<String, String> attributes = new TreeMap<>();
            for (Object[] a : Sql.list(tx, "SELECT name, val FROM product_attribute WHERE product_id = ? ORDER BY name, val",
                    rs -> new Object[] {rs.getString(1), rs.getString(2)}, id)) {
                attributes.merge((String) a[0], (String) a[1], (x, y) -> x + ", " + y);
            }
            StringBuilder summary = new StringBuilder();
            attributes.forEach((k, v) -> summary.append(summary.isEmpty() ? "" : "; ").append(k).append(": ").append(v));
            items.add(new ProductItem(id, (String) r[1], (String) r[2], (String) r[3], summary.toString()));
        }
        return new ProductPage(items, total);
    }

    /** How many test predictions a run stored. */
    public long predictionCount(Tx tx, long runId) throws SQLException {
        return Sql.count(tx, "SELECT COUNT(*) FROM prediction WHERE run_id = ?", runId);
    }

    /** The product's internal id by its external id (as in the dataset's files), or null. */
    public Integer productId(Tx tx, String externalId) throws SQLException {
        return Sql.one(tx, "SELECT id FROM product WHERE external_id = ?", rs -> rs.getInt(1), externalId);
    }

    /** External ids by internal product id, for the products asked for. */
    public String productExternalId(Tx tx, int productId) throws SQLException {
        return Sql.one(tx, "SELECT external_id FROM product WHERE id = ?", rs -> rs.getString(1), productId);
    }

    /** A product's name, city and attributes, as attribute rows (name -> value). */
    public Map<String, String> productRows(Tx tx, int productId) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        Object[] p = Sql.one(tx, "SELECT external_id, name, city FROM product WHERE id = ?",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}, productId);
        if (p == null) {
            return rows;
        }
        for (Object[] a : Sql.list(tx, "SELECT name, val FROM product_attribute WHERE product_id = ? ORDER BY name, val",
                rs -> new Object[] {rs.getString(1), rs.getString(2)}, productId)) {
            rows.merge((String) a[0], (String) a[1], (x, y) -> x + ", " + y);
        }
        rows.put(" id", (String) p[0]);
        rows.put(" name", (String) p[1]);
        if (p[2] != null) {
            rows.put(" city", (String) p[2]);
        }
        return rows;
    }

    /** The sample's consumer's attributes as rows (name -> value, several values joined), with the consumer's id. */
    public Map<String, String> consumerRows(Tx tx, long sampleId) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        Object[] c = Sql.one(tx, "SELECT c.id, c.external_id FROM sample s JOIN consumer c ON c.id = s.consumer_id WHERE s.id = ?",
                rs -> new Object[] {rs.getInt(1), rs.getString(2)}, sampleId);
        if (c == null) {
            return rows;
        }
        for (Object[] a : Sql.list(tx, "SELECT name, val FROM consumer_attribute WHERE consumer_id = ? ORDER BY name, val",
                rs -> new Object[] {rs.getString(1), rs.getString(2)}, c[0])) {
            rows.merge((String) a[0], (String) a[1], (x, y) -> x + ", " + y);
        }
        rows.put(" id", (String) c[1]);
        return rows;
    }

    /** The stored explanation pair of a sample from one generator, model and variant: {positive, negative}. */
    public String[] explanationPair(Tx tx, long sampleId, String generator, String model, String variant)
            throws SQLException {
        String[] pair = new String[2];
        for (Object[] row : Sql.list(tx, "SELECT side, text FROM explanation WHERE sample_id = ? AND generator = ? AND model = ? "
                        + "AND variant = ? AND side IN ('positive', 'negative') AND status = 'ok' ORDER BY id",
                rs -> new Object[] {rs.getString(1), rs.getString(2)}, sampleId, generator, model, variant)) {
            pair["positive".equals(row[0]) ? 0 : 1] = (String) row[1];
        }
        return pair;
    }

    /** Every stored prediction of the sample by the runs of one experiment. */
    public List<RunPrediction> experimentPredictions(Tx tx, long experimentId, long sampleId) throws SQLException {
        return Sql.list(tx, "SELECT r.id, r.model, r.repeat_no, p.val FROM prediction p JOIN run r ON r.id = p.run_id "
                        + "WHERE r.experiment_id = ? AND p.sample_id = ? AND r.status = 'done' ORDER BY r.model, r.repeat_no",
                rs -> new RunPrediction(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDouble(4)), experimentId, sampleId);
    }

    /** The stored prediction of a run for a sample, or null (training samples have none). */
    public Double storedPrediction(Tx tx, long runId, long sampleId) throws SQLException {
        return Sql.one(tx, "SELECT val FROM prediction WHERE run_id = ? AND sample_id = ?", rs -> rs.getDouble(1), runId, sampleId);
    }

    /**
     * The autoencoder whose codes an experiment trained on: the newest finished one of its generator, model and variant that
     * finished before the experiment was created (the experiment records none; its codes were ensured first), else
     * the newest finished one; null when there is none.
     */
    public AutoencoderRef autoencoderOf(Tx tx, String generator, String model, String variant,
                                        OffsetDateTime experimentCreated) throws SQLException {
        AutoencoderRef before = Sql.one(tx, "SELECT id, checkpoint FROM autoencoder WHERE generator = ? AND model = ? "
                        + "AND variant = ? AND finished_at IS NOT NULL AND finished_at <= ? ORDER BY id DESC LIMIT 1",
                rs -> new AutoencoderRef(rs.getLong(1), rs.getString(2)), generator, model, variant, experimentCreated);
        return before != null ? before : Sql.one(tx, "SELECT id, checkpoint FROM autoencoder WHERE generator = ? AND model = ? "
                        + "AND variant = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1",
                rs -> new AutoencoderRef(rs.getLong(1), rs.getString(2)), generator, model, variant);
    }
}
