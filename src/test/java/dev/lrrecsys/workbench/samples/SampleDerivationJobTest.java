package dev.lrrecsys.workbench.samples;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.model.SampleSet;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatasetInfo;
import dev.lrrecsys.workbench.store.DatasetRepository;
import dev.lrrecsys.workbench.store.DatasetWriter;
import dev.lrrecsys.workbench.store.ProjectInfoRepository;
import dev.lrrecsys.workbench.store.SampleCounts;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleDerivationJobTest {

    private static final String SAMPLE_ROWS = "SELECT id, consumer_id, product_id, rating, position, "
            + "hist1, hist2, hist3, hist4, hist5, split FROM sample ORDER BY consumer_id, position";

    @TempDir
    Path dir;

    private Project project;

    @AfterEach
    void close() {
        if (project != null) {
            project.close();
        }
    }

    /** One interaction row: id (file order), consumer, product, rating, time (null: none). */
    private record Row(long id, int consumer, int product, double rating, Long ts) {
    }

    private Project projectWith(boolean hasTime, List<Row> rows) {
        project = Project.create(dir.resolve("p"));
        project.database().inTransaction(tx -> {
            new DatasetRepository().save(tx, new DatasetInfo("hand-made", "csv", "restaurant", "test", 1, 5, 4,
                    hasTime, OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
            try (DatasetWriter w = new DatasetWriter(tx)) {
                for (int p = 1; p <= 9; p++) {
                    w.product(p, "p" + p, "Product " + p, null);
                }
                for (int c = 1; c <= 4; c++) {
                    w.consumer(c, "c" + c);
                }
                for (Row r : rows) {
                    w.interaction(r.id(), r.consumer(), r.product(), r.rating(), r.ts(), null);
                }
            }
        });
        return project;
    }

    /** Consumer 1: eight visits out of id order with a time tie; 2: one visit; 3: two; 4: eleven. */
    private Project timedProject() {
        List<Row> rows = new java.util.ArrayList<>(List.of(
                new Row(10, 1, 1, 5, 500L), new Row(11, 1, 2, 4, 100L), new Row(12, 1, 3, 3, 300L),
                new Row(13, 1, 4, 2, 200L), new Row(14, 1, 5, 1, 700L), new Row(15, 1, 6, 5, 600L),
                new Row(16, 1, 7, 4, 800L), new Row(17, 1, 8, 3, 300L),
                new Row(20, 2, 1, 5, 100L),
                new Row(30, 3, 9, 2, 50L), new Row(31, 3, 1, 4, 60L)));
        for (int i = 0; i < 11; i++) {
            rows.add(new Row(40 + i, 4, 1 + i % 9, 1 + i % 5, 1_000L + i));
        }
        return projectWith(true, rows);
    }

    private static SampleDerivation derive(Project p, boolean rederive) {
        return new SampleDerivationJob(p.database(), rederive).run(TaskContext.silent());
    }

    @Test
    void historiesFollowTimeThenIdAndAreLeftPadded() {
        Project p = timedProject();
        SampleDerivation d = derive(p, false);
        assertThat(d.derivedNow()).isTrue();
        // Consumer 1 in time order: 11(p2) 13(p4) 12(p3) 17(p8, same time as 12, later id) 10(p1) 15(p6) 14(p5) 16(p7).
        assertThat(TableSnapshot.rows(p.database(), SAMPLE_ROWS + " LIMIT 8")).containsExactly(
                "13|1|4|2.0|1|null|null|null|null|2|train",
                "12|1|3|3.0|2|null|null|null|2|4|train",
                "17|1|8|3.0|3|null|null|2|4|3|train",
                "10|1|1|5.0|4|null|2|4|3|8|train",
                "15|1|6|5.0|5|2|4|3|8|1|train",
                "14|1|5|1.0|6|4|3|8|1|6|train",
                "16|1|7|4.0|7|3|8|1|6|5|test",
                "31|3|1|4.0|1|null|null|null|null|9|train");
    }

    @Test
    void splitsTheLastFifthOfEachConsumersSamplesIntoTest() {
        Project p = timedProject();
        SampleCounts counts = derive(p, false).counts();
        // 7 + 0 + 1 + 10 samples; test: round(7/5) = 1, round(1/5) = 0, round(10/5) = 2.
        assertThat(counts).isEqualTo(new SampleCounts(18, 15, 3));
        assertThat(TableSnapshot.rows(p.database(), "SELECT id FROM sample WHERE split = 'test' ORDER BY id"))
                .containsExactly("16", "49", "50");
        assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM sample WHERE consumer_id = 2")).isZero();
    }

    @Test
    void testCountIsTheRoundedFifth() {
        int[][] expected = {{1, 0}, {2, 0}, {3, 1}, {7, 1}, {8, 2}, {12, 2}, {13, 3}, {100, 20}};
        for (int[] e : expected) {
            assertThat(SampleDerivationJob.testCount(e[0])).as("samples %d", e[0]).isEqualTo(e[1]);
        }
    }

    @Test
    void theModelsReadTheHistoryWidthTheDerivationWrites() {
        // Two constants because samples sits below model; the table has exactly this many hist columns.
        assertThat(SampleSet.HISTORY).isEqualTo(SampleDerivationJob.HISTORY);
    }

    @Test
    void withoutTimeTheFileOrderIsTheHistoryOrder() {
        // Written out of order: the interaction ids (file order) decide, not the insertion order.
        Project p = projectWith(false, List.of(new Row(3, 1, 3, 3, null), new Row(1, 1, 1, 1, null),
                new Row(4, 1, 4, 4, null), new Row(2, 1, 2, 2, null)));
        derive(p, false);
        assertThat(TableSnapshot.rows(p.database(), SAMPLE_ROWS)).containsExactly(
                "2|1|2|2.0|1|null|null|null|null|1|train",
                "3|1|3|3.0|2|null|null|null|1|2|train",
                "4|1|4|4.0|3|null|null|1|2|3|test");
    }

    @Test
    void derivesOnceAndThenReportsTheSamplesAsFixed() {
        Project p = timedProject();
        derive(p, false);
        List<String> before = TableSnapshot.everything(p.database());
        SampleDerivation again = derive(p, false);
        assertThat(again.derivedNow()).isFalse();
        assertThat(again.counts()).isEqualTo(new SampleCounts(18, 15, 3));
        assertThat(SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent())).isEqualTo(again.counts());
        assertThat(TableSnapshot.everything(p.database())).isEqualTo(before);
    }

    @Test
    void ensureSamplesDerivesWhenMissing() {
        Project p = timedProject();
        assertThat(SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent()))
                .isEqualTo(new SampleCounts(18, 15, 3));
        assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM sample")).isEqualTo(18);
    }

    @Test
    void rederivesWhileNothingRefersToTheSamples() {
        Project p = timedProject();
        derive(p, false);
        List<String> before = TableSnapshot.everything(p.database());
        SampleDerivation d = derive(p, true);
        assertThat(d.derivedNow()).isTrue();
        assertThat(TableSnapshot.everything(p.database())).isEqualTo(before);
    }

    @Test
    void refusesToRederiveOnceResultsReferToTheSamplesAndChangesNothing() {
        Project p = timedProject();
        derive(p, false);
        TableSnapshot.execute(p.database(), "CREATE TABLE result_probe (sample_id BIGINT NOT NULL REFERENCES sample(id))");
        TableSnapshot.execute(p.database(), "INSERT INTO result_probe VALUES (16)");
        List<String> before = TableSnapshot.everything(p.database());
        assertThatThrownBy(() -> derive(p, true)).isInstanceOf(WorkbenchException.class)
                .hasMessage("Cannot re-derive the samples: later results refer to them (result_probe: 1 row). "
                        + "The split stays fixed once it has been used; make a new project to change it.");
        assertThat(TableSnapshot.everything(p.database())).isEqualTo(before);
        assertThat(TableSnapshot.rows(p.database(), "SELECT * FROM result_probe")).containsExactly("16");
    }

    @Test
    void refusesAProjectWithoutInteractionsAndChangesNothing() {
        Project p = projectWith(true, List.of());
        List<String> before = TableSnapshot.everything(p.database());
        assertThatThrownBy(() -> derive(p, false)).isInstanceOf(WorkbenchException.class)
                .hasMessage("The project has no interactions yet: import a dataset with `lrw import` or make one "
                        + "with `lrw synth` first.");
        assertThat(TableSnapshot.everything(p.database())).isEqualTo(before);
    }

    @Test
    void aDerivationCancelledBeforeItsFirstRangeWritesNoSamples() {
        Project p = timedProject();
        TaskContext cancelled = new TaskContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public void message(String message) { }
            @Override public boolean isCancelled() { return true; }
        };
        assertThatThrownBy(() -> new SampleDerivationJob(p.database(), false).run(cancelled))
                .isInstanceOf(CancelledException.class);
        assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM sample")).isZero();
    }

    @Test
    void aKilledOrCancelledDerivationKeepsWholeConsumersAndTheNextRunResumes() {
        Project p = timedProject();
        derive(p, false);
        List<String> complete = TableSnapshot.rows(p.database(), SAMPLE_ROWS);
        TableSnapshot.execute(p.database(), "DELETE FROM sample");

        // Ranges of at most 5 interactions: consumer 1 (8) alone, then 2 and 3 (1 + 2), then 4 (11).
        TaskContext cancelAfterFirstRange = new TaskContext() {
            private long done;
            @Override public void progress(long done, long total, String message) { this.done = done; }
            @Override public void message(String message) { }
            @Override public boolean isCancelled() { return done >= 8; }
        };
        assertThatThrownBy(() -> new SampleDerivationJob(p.database(), false, 5).run(cancelAfterFirstRange))
                .isInstanceOf(CancelledException.class);
        assertThat(TableSnapshot.rows(p.database(), "SELECT DISTINCT consumer_id FROM sample")).containsExactly("1");

        SampleDerivation resumed = new SampleDerivationJob(p.database(), false, 5).run(TaskContext.silent());
        assertThat(resumed.derivedNow()).isTrue();
        assertThat(TableSnapshot.rows(p.database(), SAMPLE_ROWS)).isEqualTo(complete);
        assertThat(derive(p, false).derivedNow()).isFalse();
    }

    @Test
    void infoPrintsTheSampleCountsBySplit() {
        Project p = timedProject();
        assertThat(summary(p)).containsEntry("samples", "0 (train 0, test 0)");
        derive(p, false);
        assertThat(summary(p)).containsEntry("samples", "18 (train 15, test 3)");
    }

    private static Map<String, String> summary(Project p) {
        return p.database().read(tx -> {
            return new ProjectInfoRepository().summary(tx);
        });
    }
}
