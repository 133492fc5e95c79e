package dev.lrrecsys.workbench.store;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A small synthetic project in the database for experiment tests: consumers who weigh 4 product attributes,
 * ratings 1..5 from those weights plus noise, samples with histories and an 80/20 split per consumer, and an
 * offline explanation pair per sample. {@link #codes} holds 8-dim codes that carry exactly the liked and
 * disliked attributes (standing in for autoencoder codes of informative explanations).
 */
public final class ExperimentFixture {

    public static final String GENERATOR = "offline";
    public static final String MODEL = "offline reasoner (no LLM)";

    /** sample id -> {positive code, negative code}. */
    public final Map<Long, float[][]> codes = new HashMap<>();
    /** sample id -> rating. */
    public final Map<Long, Double> ratings = new HashMap<>();
    public int samples;

    /**
     * @param withoutExplanations every this-many-th sample gets no explanation rows (0: all have them)
     * @param constantRating      when not NaN, every interaction gets this rating
     */
    public ExperimentFixture write(Database db, int consumers, int products, int perConsumer, long seed,
                                   int withoutExplanations, double constantRating) {
        db.inTransaction(tx -> {
            new DatasetRepository().save(tx, new DatasetInfo("fixture", "synthetic", "restaurant", "test", 1, 5, 4,
                    true, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
            Random r = new Random(seed);
            double[][] taste = new double[consumers][4];
            int[][] attributes = new int[products][4];
            for (double[] t : taste) {
                for (int k = 0; k < 4; k++) {
                    t[k] = r.nextGaussian();
                }
            }
            for (int[] a : attributes) {
                for (int k = 0; k < 4; k++) {
                    a[k] = r.nextBoolean() ? 1 : 0;
                }
            }
            long interactionId = 1;
            try (DatasetWriter w = new DatasetWriter(tx)) {
                for (int p = 0; p < products; p++) {
                    w.product(p + 1, "p" + p, "Product " + p, null);
                }
                for (int c = 0; c < consumers; c++) {
                    w.consumer(c + 1, "c" + c);
                }
                w.flush();
                for (int c = 0; c < consumers; c++) {
                    int[] seen = new int[perConsumer];
                    int trainCount = (int) Math.round(0.8 * (perConsumer - 1));
                    for (int i = 0; i < perConsumer; i++) {
                        int p = r.nextInt(products);
                        seen[i] = p + 1;
                        double score = 0;
                        float[] pos = new float[8];
                        float[] neg = new float[8];
                        for (int k = 0; k < 4; k++) {
                            score += taste[c][k] * attributes[p][k];
                            pos[k] = (float) (attributes[p][k] * Math.max(0, taste[c][k]));
                            neg[k] = (float) (attributes[p][k] * Math.max(0, -taste[c][k]));
                        }
                        double rating = Double.isNaN(constantRating)
                                ? Math.max(1, Math.min(5, Math.round(3 + score + 0.3 * r.nextGaussian()))) : constantRating;
                        long id = interactionId++;
                        w.interaction(id, c + 1, p + 1, rating, 1_000_000L + id, null);
                        if (i == 0) {
                            continue;
                        }
                        w.flush();
                        Integer[] hist = new Integer[5];
                        for (int k = 0; k < 5; k++) {
                            int back = i - 5 + k;
                            hist[k] = back >= 0 ? seen[back] : null;
                        }
                        String split = i - 1 < trainCount ? "train" : "test";
                        Sql.update(tx, "INSERT INTO sample (id, consumer_id, product_id, rating, position, hist1, hist2, "
                                        + "hist3, hist4, hist5, split) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                id, c + 1, p + 1, rating, i, hist[0], hist[1], hist[2], hist[3], hist[4], split);
                        samples++;
                        ratings.put(id, rating);
                        if (withoutExplanations > 0 && samples % withoutExplanations == 0) {
                            continue;
                        }
                        insertExplanation(tx, id, "positive", "The consumer visited this restaurant because they like "
                                + describe(pos) + ".");
                        insertExplanation(tx, id, "negative", "The consumer did not visit this restaurant because they "
                                + "dislike " + describe(neg) + ".");
                        codes.put(id, new float[][] {pos, neg});
                    }
                }
            }
        });
        return this;
    }

    private static String describe(float[] v) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            if (v[k] > 0.5f) {
                b.append(b.length() == 0 ? "" : " and ").append("feature ").append(k);
            }
        }
        return b.length() == 0 ? "nothing in particular" : b.toString();
    }

    private static void insertExplanation(Tx tx, long sampleId, String side, String text) throws SQLException {
        Sql.update(tx, "INSERT INTO explanation (sample_id, variant, side, generator, model, status, text, created_at) "
                + "VALUES (?, 'contrastive', ?, ?, ?, 'ok', ?, CURRENT_TIMESTAMP)", sampleId, side, GENERATOR, MODEL, text);
    }

    /** Gives every test sample (and its interaction) {@code rating}: a project whose test split has no high rating. */
    public static void rateTestSamples(Database db, double rating) {
        db.inTransaction(tx -> {
            Sql.update(tx, "UPDATE interaction SET rating = ? WHERE id IN (SELECT id FROM sample WHERE split = 'test')", rating);
            Sql.update(tx, "UPDATE sample SET rating = ? WHERE split = 'test'", rating);
        });
    }

    /** Row count of a table, for "the database is unchanged" assertions. */
    public static long count(Database db, String table) {
        return db.read(tx -> Sql.count(tx, "SELECT COUNT(*) FROM " + table));
    }
}
