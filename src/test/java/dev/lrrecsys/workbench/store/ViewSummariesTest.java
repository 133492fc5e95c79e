package dev.lrrecsys.workbench.store;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The V7 view figures: written with the rows by the writers, and filled once for projects made before V7. */
class ViewSummariesTest {

    @Test
    void theDatasetWriterRecordsCountsHistogramAndProductActivityInItsTransaction(@TempDir Path tmp) {
        Database db = database(tmp, null);
        db.inTransaction(tx -> {
            try (DatasetWriter w = new DatasetWriter(tx)) {
                writeSmallDataset(w);
            }
        });
        DatasetBrowseRepository browse = new DatasetBrowseRepository();
        assertThat(db.read(browse::counts)).isEqualTo(Map.of("consumers", 2L, "products", 2L, "interactions", 3L, "samples", 0L));
        assertThat(db.read(browse::ratingHistogram)).containsExactly(new BrowseRows.RatingCount(1.0, 1), new BrowseRows.RatingCount(4.0, 2));
        assertThat(db.read(tx -> browse.products(tx, "", Long.MIN_VALUE, 10)).rows())
                .extracting(BrowseRows.ProductRow::interactions, BrowseRows.ProductRow::meanRating)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 2.5), org.assertj.core.groups.Tuple.tuple(1L, 4.0));

        // A write that fails rolls its figures back with its rows.
        try {
            db.inTransaction((Database.VoidWork) tx -> {
                try (DatasetWriter w = new DatasetWriter(tx)) {
                    w.consumer(3, "c3");
                }
                throw new IllegalStateException("stop");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(db.read(browse::counts).get("consumers")).isEqualTo(2L);
    }

    @Test
    void migratingAnOlderProjectFillsTheFiguresFromItsRows(@TempDir Path tmp) {
        Database db = database(tmp, "6");
        db.inTransaction(tx -> { // rows as a V6 project holds them, without figures
            Sql.update(tx, "INSERT INTO consumer (id, external_id) VALUES (1, 'c1'), (2, 'c2')");
            Sql.update(tx, "INSERT INTO product (id, external_id, name) VALUES (1, 'p1', 'One'), (2, 'p2', 'Two')");
            Sql.update(tx, "INSERT INTO interaction (id, consumer_id, product_id, rating) VALUES (1, 1, 1, 1), (2, 2, 1, 4), (3, 2, 2, 4)");
        });
        migrate(db, null);
        DatasetBrowseRepository browse = new DatasetBrowseRepository();
        assertThat(db.read(browse::counts)).isEqualTo(Map.of("consumers", 2L, "products", 2L, "interactions", 3L, "samples", 0L));
        assertThat(db.read(browse::ratingHistogram)).containsExactly(new BrowseRows.RatingCount(1.0, 1), new BrowseRows.RatingCount(4.0, 2));
    }

    @Test
    void savedExplanationsKeepTheExplorerCountsIncludingRetriedFailures(@TempDir Path tmp) {
        Database db = database(tmp, null);
        db.inTransaction(tx -> {
            try (DatasetWriter w = new DatasetWriter(tx)) {
                writeSmallDataset(w);
            }
            try (SampleRepository.Writer s = new SampleRepository().writer(tx)) {
                s.add(2, 2, 1, 4, 1, new int[] {-1, -1, -1, -1, 2}, false);
                s.add(3, 2, 2, 4, 2, new int[] {-1, -1, -1, 1, 2}, true);
            }
        });
        ExplanationRepository repo = new ExplanationRepository();
        db.inTransaction(tx -> {
            repo.save(tx, List.of(row(2, "positive", "ok"), row(2, "negative", "failed"),
                    row(3, "positive", "ok"), row(3, "negative", "rejected")), List.of());
        });
        db.inTransaction(tx -> {
            repo.save(tx, List.of(), List.of(new ExplanationRepository.Replacement(row(2, "negative", "ok"), "failed")));
        });
        ExplanationBrowseRepository browse = new ExplanationBrowseRepository();
        assertThat((long) db.read(browse::total)).isEqualTo(4);
        for (String status : List.of("ok", "failed", "rejected")) {
            long counted = db.read(tx -> Sql.count(tx, "SELECT COUNT(*) FROM explanation WHERE status = ?", status));
            assertThat((long) db.read(tx -> browse.countFromSummary(tx, new ExplanationFilter(null, null, null, null, status, null, null, null))))
                    .as(status).isEqualTo(counted);
        }
        assertThat(db.read(new DatasetBrowseRepository()::counts).get("samples")).isEqualTo(2L);
        db.inTransaction(tx -> {
            Sql.update(tx, "DELETE FROM explanation");
            new SampleRepository().deleteAll(tx);
        });
        assertThat(db.read(new DatasetBrowseRepository()::counts).get("samples")).isZero();
    }

    private static ExplanationRepository.ExplanationRow row(long sample, String side, String status) {
        return new ExplanationRepository.ExplanationRow(sample, "contrastive", side, "offline", "m", null, "h", status,
                "ok".equals(status) ? "text" : null, "ok".equals(status) ? null : "why");
    }

    static void writeSmallDataset(DatasetWriter w) throws java.sql.SQLException {
        w.consumer(1, "c1");
        w.consumer(2, "c2");
        w.product(1, "p1", "One", null);
        w.product(2, "p2", "Two", null);
        w.interaction(1, 1, 1, 1.0, null, null);
        w.interaction(2, 2, 1, 4.0, null, null);
        w.interaction(3, 2, 2, 4.0, null, null);
    }

    /** A project database migrated up to the given version (null: all). */
    static Database database(Path tmp, String target) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + tmp.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE", "lrw", "");
        Database db = Database.over(pool);
        migrate(db, target);
        return db;
    }

    private static void migrate(Database db, String target) {
        var config = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").cleanDisabled(true);
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }
}
