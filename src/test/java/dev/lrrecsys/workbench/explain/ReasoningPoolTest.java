package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reasoning pool: seeds generated, every other sample reuses the nearest seed pair, resumable. */
class ReasoningPoolTest {

    @TempDir
    Path tmp;

    private static GenerationRequest contrastive() {
        return new GenerationRequest(Variant.CONTRASTIVE, 0, false, GenerationRequest.OFFLINE_COMMIT_EVERY);
    }

    @Test
    @Tag("slow")
    void seedsAreGeneratedTheOthersReuseTheNearestSeedPairAndARerunKeepsThem() throws Exception {
        try (Project p = ExplainFixtures.synthWorldWithSamples(tmp.resolve("w"), 200, 40, 2400, 7)) {
            PoolSettings settings = new PoolSettings(0.1, 0.5, 42);
            ReasoningPool pool = new ReasoningPool(p.database(), new OfflineGenerator(), contrastive(), settings);
            ReasoningPool.Estimate e = pool.estimate(TaskContext.silent());
            assertThat(e.selection().seeds()).hasSize(20);
            assertThat(e.selection().fromClusters() + e.selection().fromLongHistory()).isEqualTo(20);
            assertThat(e.llmCalls()).isEqualTo(2 * e.seedSamples());
            assertThat(e.describe()).contains("llm calls: " + e.llmCalls() + " (");

            ReasoningPool.Summary s = pool.run(TaskContext.silent());
            assertThat(s.generatorCalls()).isEqualTo(2 * e.seedSamples());
            assertThat(s.retrieved()).isEqualTo(2 * (e.samples() - e.seedSamples()));

            long samples = count(p, "SELECT COUNT(*) FROM sample");
            assertThat(count(p, "SELECT COUNT(*) FROM explanation WHERE status = 'ok'")).isEqualTo(2 * samples);
            // Generated rows belong to seed consumers only, reused rows to the others.
            String seedList = e.selection().seeds().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
            assertThat(count(p, "SELECT COUNT(*) FROM explanation e JOIN sample s ON s.id = e.sample_id WHERE "
                    + "e.source = 'generated' AND s.consumer_id NOT IN (" + seedList + ")")).isZero();
            assertThat(count(p, "SELECT COUNT(*) FROM explanation e JOIN sample s ON s.id = e.sample_id WHERE "
                    + "e.source = 'retrieved' AND s.consumer_id IN (" + seedList + ")")).isZero();
            // Each reused row is its seed's generated text for the same side, with a similarity in (0, 1].
            assertThat(count(p, "SELECT COUNT(*) FROM explanation r LEFT JOIN explanation g ON g.sample_id = r.seed_sample_id "
                    + "AND g.side = r.side AND g.source = 'generated' AND g.status = 'ok' WHERE r.source = 'retrieved' "
                    + "AND (g.text IS NULL OR g.text <> r.text OR r.similarity <= 0 OR r.similarity > 1.000001)")).isZero();

            List<String> before = TableSnapshot.rows(p.database(), "SELECT sample_id, side, source, seed_sample_id, text "
                    + "FROM explanation ORDER BY sample_id, side");
            ReasoningPool again = new ReasoningPool(p.database(), new OfflineGenerator(), contrastive(), settings);
            assertThat(again.estimate(TaskContext.silent()).llmCalls()).isZero();
            ReasoningPool.Summary s2 = again.run(TaskContext.silent());
            assertThat(List.of(s2.generatorCalls(), s2.retrieved(), s2.kept()))
                    .containsExactly(0L, 0L, e.samples() - e.seedSamples());
            assertThat(TableSnapshot.rows(p.database(), "SELECT sample_id, side, source, seed_sample_id, text "
                    + "FROM explanation ORDER BY sample_id, side")).isEqualTo(before);

            // A full run afterwards generates what the pool reused (a reused row never counts as generated).
            new ContrastiveExplanationJob(p.database(), new OfflineGenerator(), contrastive()).run(TaskContext.silent());
            assertThat(count(p, "SELECT COUNT(*) FROM explanation WHERE source = 'retrieved' OR seed_sample_id IS NOT NULL")).isZero();
            assertThat(count(p, "SELECT COALESCE(SUM(n), 0) FROM explanation_count WHERE status = 'ok'")).isEqualTo(2 * samples);
        }
    }

    @Test
    void anyTripleGetsThePairOfTheNearestGeneratedSample() throws Exception {
        try (Project p = ExplainFixtures.synthWorldWithSamples(tmp.resolve("w"), 60, 20, 600, 3)) {
            new ReasoningPool(p.database(), new OfflineGenerator(), contrastive(), new PoolSettings(0.2, 0.5, 1))
                    .run(TaskContext.silent());
            try (PoolRetriever r = PoolRetriever.load(p.database(), Variant.CONTRASTIVE, "offline",
                    "offline reasoner (no LLM)", TaskContext.silent())) {
                PoolRetriever.ReusedPair pair = r.explain(1, 3, new int[] {4, 5}).orElseThrow();
                assertThat(count(p, "SELECT COUNT(*) FROM explanation WHERE source = 'generated' AND sample_id = "
                        + pair.seedSampleId())).isEqualTo(2);
                assertThat(pair.texts().keySet()).containsExactly(Side.POSITIVE, Side.NEGATIVE);
                assertThat(pair.similarity()).isBetween(0.0, 1.000001);
            }
        }
    }

    @Test
    void nothingToReuseSaysSo() throws Exception {
        try (Project p = ExplainFixtures.synthWorldWithSamples(tmp.resolve("w"), 30, 10, 200, 3)) {
            assertThatThrownBy(() -> PoolRetriever.load(p.database(), Variant.CONTRASTIVE, "offline",
                    "offline reasoner (no LLM)", TaskContext.silent()))
                    .hasMessage("No sample has a complete generated contrastive pair from offline (offline reasoner (no LLM)): "
                            + "there is nothing to reuse. Generate the seeds first (rerun the same command).");
        }
    }

    @Test
    @Tag("slow")
    void theGraphFindsTheSameNearestSeedAsTheExactScanAlmostAlways() {
        Random random = new Random(5);
        int n = 2000;
        int dim = 8;
        long[] ids = new long[n];
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = 1000 + i;
            vectors[i] = randomUnit(random, dim);
        }
        try (SeedIndex exact = SeedIndex.build(ids, vectors, SeedIndex.Mode.EXACT, () -> false);
             SeedIndex graph = SeedIndex.build(ids, vectors, SeedIndex.Mode.HNSW, () -> false)) {
            int agree = 0;
            for (int q = 0; q < 200; q++) {
                float[] v = randomUnit(random, dim);
                SeedIndex.Match e = exact.nearest(v);
                SeedIndex.Match g = graph.nearest(v);
                assertThat(g.similarity()).isLessThanOrEqualTo(e.similarity() + 1e-6);
                if (g.seedSampleId() == e.seedSampleId()) {
                    agree++;
                }
            }
            assertThat(agree).isGreaterThanOrEqualTo(180);
            assertThat(exact.nearest(vectors[17]).seedSampleId()).isEqualTo(1017);
            assertThat(graph.nearest(vectors[17]).similarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(SeedIndex.modeFor(SeedIndex.EXACT_BELOW - 1)).isEqualTo(SeedIndex.Mode.EXACT);
        assertThat(SeedIndex.modeFor(SeedIndex.EXACT_BELOW)).isEqualTo(SeedIndex.Mode.HNSW);
    }

    @Test
    void seatsFollowClusterSizes() {
        assertThat(SeedSelection.largestRemainder(new int[] {50, 30, 20}, 10)).containsExactly(5, 3, 2);
        assertThat(SeedSelection.largestRemainder(new int[] {1, 1, 98}, 3)).containsExactly(0, 0, 3);
        assertThat(SeedSelection.largestRemainder(new int[] {2, 2}, 3)).containsExactly(2, 1);
    }

    @Test
    void badPoolSettingsSaySo() {
        assertThatThrownBy(() -> new PoolSettings(0, 0.5, 1))
                .hasMessage("pool fraction must be more than 0 and at most 1, got 0.0.");
        assertThatThrownBy(() -> new PoolSettings(0.1, 1.5, 1))
                .hasMessage("pool long-history share must be from 0 to 1, got 1.5.");
    }

    private static float[] randomUnit(Random random, int dim) {
        float[] v = new float[dim];
        for (int k = 0; k < dim; k++) {
            v[k] = (float) random.nextGaussian();
        }
        return BehaviourSpace.unit(v);
    }

    private static long count(Project p, String sql) {
        return TableSnapshot.count(p.database(), sql);
    }
}
