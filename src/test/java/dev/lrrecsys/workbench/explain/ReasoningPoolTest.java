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
            PoolSettings settings = new PoolSettings(0.1, 0.5, 42, PoolMatch.PRODUCT);
            ReasoningPool pool = new ReasoningPool(p.database(), new OfflineGenerator(), contrastive(), settings);
            ReasoningPool.Estimate e = pool.estimate(TaskContext.silent());
            assertThat(e.selection().seeds()).hasSize(20);
            assertThat(e.selection().fromClusters() + e.selection().fromLongHistory()).isEqualTo(20);
            assertThat(e.llmCalls()).isEqualTo(2 * e.seedSamples());
            assertThat(e.describe()).contains("llm calls: " + e.llmCalls() + " (");

            ReasoningPool.Summary s = pool.run(TaskContext.silent());
            assertThat(s.generatorCalls()).isEqualTo(2 * e.seedSamples());
            assertThat(s.retrieved()).isEqualTo(2 * (e.samples() - e.seedSamples()));
            // Matched by product: a reused row is about another candidate only where no seed sample has its candidate.
            assertThat(s.matched()).isEqualTo(e.samples() - e.seedSamples());
            assertThat(s.otherCandidate()).isEqualTo(s.fellBack());
            String otherCandidate = "FROM explanation r JOIN sample s ON s.id = r.sample_id JOIN sample g ON g.id = "
                    + "r.seed_sample_id WHERE r.source = 'retrieved' AND g.product_id <> s.product_id";
            assertThat(count(p, "SELECT COUNT(*) " + otherCandidate)).isEqualTo(2 * s.fellBack());
            assertThat(count(p, "SELECT COUNT(*) " + otherCandidate + " AND EXISTS (SELECT 1 FROM explanation x JOIN sample y "
                    + "ON y.id = x.sample_id WHERE x.source = 'generated' AND y.product_id = s.product_id)")).isZero();
            assertThat(s.matchLine()).startsWith("pool match: product, " + s.fellBack() + " of " + s.matched()
                    + " samples fell back to the nearest seed sample of any product");

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
            new ReasoningPool(p.database(), new OfflineGenerator(), contrastive(), new PoolSettings(0.2, 0.5, 1, PoolMatch.ANY))
                    .run(TaskContext.silent());
            try (PoolRetriever r = PoolRetriever.load(p.database(), Variant.CONTRASTIVE, "offline",
                    "offline reasoner (no LLM)", PoolMatch.ANY, TaskContext.silent())) {
                PoolRetriever.ReusedPair pair = r.explain(1, 3, new int[] {4, 5}).orElseThrow();
                assertThat(count(p, "SELECT COUNT(*) FROM explanation WHERE source = 'generated' AND sample_id = "
                        + pair.seedSampleId())).isEqualTo(2);
                assertThat(pair.texts().keySet()).containsExactly(Side.POSITIVE, Side.NEGATIVE);
                assertThat(pair.similarity()).isBetween(0.0, 1.000001);
            }
        }
    }

    @Test
    void productMatchingPicksTheNearestSeedWithTheSameCandidateAndFallsBackWithoutOne() {
        // Seeds 0 and 1 are about product 7, seed 2 about product 8 and nearest to the query of all three.
        float[][] vectors = {unit(1, 0, 0.2f), unit(0.6f, 0.8f, 0), unit(0.9f, 0, 0.1f)};
        float[] query = unit(0.95f, 0, 0.1f);
        try (SeedIndex index = SeedIndex.build(new long[] {100, 101, 102}, new int[] {7, 7, 8}, vectors,
                SeedIndex.Mode.EXACT, () -> false)) {
            assertThat(index.nearest(query).seedSampleId()).isEqualTo(102);
            SeedIndex.Match ofProduct = index.nearestOfProduct(query, 7);
            assertThat(ofProduct.seedSampleId()).isEqualTo(100);
            assertThat(ofProduct.similarity()).isCloseTo(BehaviourSpace.dot(query, vectors[0]),
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(index.nearestOfProduct(query, 8).seedSampleId()).isEqualTo(102);
            assertThat(index.nearestOfProduct(query, 9)).isNull();
            assertThat(index.hasProduct(9)).isFalse();
        }
    }

    @Test
    void theRetrieverMatchesByCandidateProductAndCountsFallBacks() throws Exception {
        try (Project p = ExplainFixtures.synthWorldWithSamples(tmp.resolve("w"), 60, 20, 600, 3)) {
            new ReasoningPool(p.database(), new OfflineGenerator(), contrastive(), new PoolSettings(0.2, 0.5, 1, PoolMatch.PRODUCT))
                    .run(TaskContext.silent());
            java.util.Map<Long, Integer> productOf = new java.util.HashMap<>();
            for (String row : TableSnapshot.rows(p.database(), "SELECT id, product_id FROM sample")) {
                String[] f = row.split("\\|");
                productOf.put(Long.parseLong(f[0]), Integer.parseInt(f[1]));
            }
            try (PoolRetriever byProduct = PoolRetriever.load(p.database(), Variant.CONTRASTIVE, "offline",
                    "offline reasoner (no LLM)", PoolMatch.PRODUCT, TaskContext.silent());
                 PoolRetriever any = PoolRetriever.load(p.database(), Variant.CONTRASTIVE, "offline",
                         "offline reasoner (no LLM)", PoolMatch.ANY, TaskContext.silent())) {
                int differs = 0;
                for (int product = 1; product <= 20; product++) {
                    if (!byProduct.index().hasProduct(product)) {
                        continue;
                    }
                    for (int consumer = 1; consumer <= 60; consumer += 7) {
                        int[] history = {1 + consumer % 20, 1 + (consumer * 3) % 20};
                        SeedIndex.Match m = byProduct.nearest(consumer, product, history);
                        assertThat(productOf.get(m.seedSampleId())).isEqualTo(product);
                        SeedIndex.Match a = any.nearest(consumer, product, history);
                        assertThat(a.similarity()).isGreaterThanOrEqualTo(m.similarity() - 1e-6);
                        if (productOf.get(a.seedSampleId()).intValue() != product) {
                            differs++;
                        }
                    }
                }
                assertThat(byProduct.fellBack()).isZero();
                assertThat(byProduct.otherCandidate()).isZero();
                assertThat(any.otherCandidate()).isEqualTo(differs);
                // A product no seed sample has (none in this world): the nearest seed of any product, counted.
                SeedIndex.Match fallBack = byProduct.nearest(1, 999, new int[] {2});
                assertThat(fallBack.seedSampleId()).isEqualTo(any.nearest(1, 999, new int[] {2}).seedSampleId());
                assertThat(byProduct.fellBack()).isEqualTo(1);
                assertThat(byProduct.otherCandidate()).isEqualTo(1);
            }
        }
    }

    private static float[] unit(float... v) {
        return BehaviourSpace.unit(v);
    }

    @Test
    void nothingToReuseSaysSo() throws Exception {
        try (Project p = ExplainFixtures.synthWorldWithSamples(tmp.resolve("w"), 30, 10, 200, 3)) {
            assertThatThrownBy(() -> PoolRetriever.load(p.database(), Variant.CONTRASTIVE, "offline",
                    "offline reasoner (no LLM)", PoolMatch.PRODUCT, TaskContext.silent()))
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
        try (SeedIndex exact = SeedIndex.build(ids, new int[n], vectors, SeedIndex.Mode.EXACT, () -> false);
             SeedIndex graph = SeedIndex.build(ids, new int[n], vectors, SeedIndex.Mode.HNSW, () -> false)) {
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
        assertThatThrownBy(() -> new PoolSettings(0, 0.5, 1, PoolMatch.PRODUCT))
                .hasMessage("pool fraction must be more than 0 and at most 1, got 0.0.");
        assertThatThrownBy(() -> new PoolSettings(0.1, 1.5, 1, PoolMatch.PRODUCT))
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
