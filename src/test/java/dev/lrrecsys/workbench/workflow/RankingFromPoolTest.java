package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.evaluate.ExperimentOutcome;
import dev.lrrecsys.workbench.explain.ExplainFixtures;
import dev.lrrecsys.workbench.explain.PoolRetriever;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.samples.SampleDerivationJob;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.store.ExperimentSampleReader;
import dev.lrrecsys.workbench.store.RankingCandidateRepository;
import dev.lrrecsys.workbench.store.RankingCandidateRepository.Candidate;
import dev.lrrecsys.workbench.store.StoredSample;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * `lrw experiment --task ranking` on a project generated with `--pool`: the candidates' pairs are retrieved from the
 * pool's seeds (the default there), without any generator call, and the report says so.
 */
@Tag("slow")
class RankingFromPoolTest {

    private static final String OFFLINE_MODEL = "offline reasoner (no LLM)";

    @TempDir
    Path tmp;

    private static TrainAndEvaluate.Settings ranking(String candidateExplanations) {
        return new TrainAndEvaluate.Settings(PredictionTask.RANKING, List.of("lr-recsys", "id-only"), 1, 1, 0.1, 3, 1,
                64, 0.01, 5, List.of(1.0), "offline", null, false, TrainAndEvaluate.Settings.DEFAULT_WEIGHT_DECAY,
                TrainAndEvaluate.Settings.DEFAULT_DROPOUT, new TrainAndEvaluate.Ranking(candidateExplanations, false));
    }

    /** 130 restaurants and 15 visits per consumer: every consumer has at least 99 never-visited ones. */
    private static Project world(Path dir) {
        Project p = ExplainFixtures.synthWorld(dir, 80, 130, 1200, 6);
        SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
        return p;
    }

    @Test
    void aPoolGeneratedProjectRetrievesItsRankingCandidatesFromThePoolWithoutGeneratorCalls() throws Exception {
        try (Project p = world(tmp.resolve("p"))) {
            GenerateExplanations.job(p, GenerateExplanations.Settings.defaults().withPool(0.2, 0.5)).run(TaskContext.silent());
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation WHERE source = 'retrieved'"))
                    .isPositive();
            long generated = TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation WHERE source = 'generated'");

            ExperimentOutcome o = TrainAndEvaluate.job(p, ranking(null)).run(TaskContext.silent());

            List<Candidate> candidates = p.database().read(tx -> new RankingCandidateRepository().candidates(tx, 1))
                    .values().stream().flatMap(List::stream).toList();
            long n = candidates.size();
            assertThat(n).isPositive().isEqualTo(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM ranking_candidate"));
            double mean = candidates.stream().mapToDouble(Candidate::similarity).average().orElseThrow();
            assertThat(o.notes()).last().isEqualTo(String.format(java.util.Locale.ROOT, "candidate explanations: %d "
                    + "retrieved from the reasoning pool (the nearest seed sample by cosine similarity over consumer, "
                    + "candidate and history, mean similarity %.3f; pairs written by offline reasoner (no LLM)), 0 LLM "
                    + "calls (candidate set 1); writing them with the generator would cost %d calls", n, mean, 2 * n));
            assertThat(TableSnapshot.rows(p.database(), "SELECT source FROM ranking_candidate_set"))
                    .containsExactly("pool");
            // Nothing was written by a generator: the explanations are those of the pool run.
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation WHERE source = 'generated'"))
                    .isEqualTo(generated);
            // Every candidate names a seed sample (a generated pair) and a similarity; each is the retriever's
            // nearest seed for the candidate's (consumer, candidate, history), as for the pool's own samples.
            assertThat(candidates).allSatisfy(c -> {
                assertThat(c.fromSampleId()).isNotNull();
                assertThat(c.similarity()).isBetween(-1.0, 1.000001);
            });
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(DISTINCT c.from_sample_id) FROM ranking_candidate c "
                    + "WHERE NOT EXISTS (SELECT 1 FROM explanation e WHERE e.sample_id = c.from_sample_id "
                    + "AND e.source = 'generated' AND e.status = 'ok')")).isZero();
            Map<Long, StoredSample> samples = p.database().read(tx -> new ExperimentSampleReader().all(tx)).stream()
                    .collect(Collectors.toMap(StoredSample::id, Function.identity()));
            try (PoolRetriever retriever = PoolRetriever.load(p.database(), Variant.CONTRASTIVE, "offline", OFFLINE_MODEL,
                    dev.lrrecsys.workbench.explain.PoolMatch.of(GenerateExplanations.Settings.DEFAULT_POOL_MATCH),
                    TaskContext.silent())) {
                for (Candidate c : candidates.subList(0, Math.min(300, candidates.size()))) {
                    StoredSample ranked = samples.get(c.sampleId());
                    int[] history = Arrays.stream(ranked.history()).filter(h -> h >= 0).toArray();
                    PoolRetriever.ReusedPair expected = retriever.explain(ranked.consumerId(), c.productId(), history)
                            .orElseThrow();
                    assertThat(c.fromSampleId()).isEqualTo(expected.seedSampleId());
                    assertThat(c.similarity()).isCloseTo(expected.similarity(), org.assertj.core.data.Offset.offset(1e-9));
                }
            }

            // Chosen explicitly, the generator writes them instead: another candidate set, the source named.
            ExperimentOutcome generatedSet = TrainAndEvaluate.job(p, ranking("generate")).run(TaskContext.silent());
            assertThat(generatedSet.notes()).last().asString()
                    .startsWith("candidate explanations: " + n + " generated by offline reasoner (no LLM), 0 LLM calls (candidate set 2)");
        }
    }

    @Test
    void withoutAGeneratedPairThePoolSourceIsRefusedAndNothingIsStored() throws Exception {
        try (Project p = world(tmp.resolve("q"))) {
            GenerateExplanations.job(p, GenerateExplanations.Settings.defaults()).run(TaskContext.silent());
            // A fully generated project takes the generator by default; asked for the pool, every generated pair is a seed.
            assertThat(dev.lrrecsys.workbench.explain.PoolCandidateExplanations.madeWithPool(p.database(), "offline",
                    OFFLINE_MODEL)).isFalse();
            assertThat(dev.lrrecsys.workbench.explain.PoolCandidateExplanations.madeWithPool(p.database(), "ollama",
                    "llama3.1")).isFalse();
            Map<String, String> before = DatabaseSnapshot.of(p.database());
            assertThatThrownBy(() -> dev.lrrecsys.workbench.explain.PoolCandidateExplanations.open(p.database(), "ollama",
                    "llama3.1", dev.lrrecsys.workbench.explain.PoolMatch.PRODUCT, "ollama / llama3.1")).isInstanceOf(WorkbenchException.class)
                    .hasMessage("Ranking candidates cannot be retrieved from the reasoning pool: no sample has a complete "
                            + "generated contrastive pair from ollama (llama3.1). Generate explanations first (lrw generate "
                            + "--pool FRACTION) or choose --candidate-explanations generate or nearest.");
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }
}
