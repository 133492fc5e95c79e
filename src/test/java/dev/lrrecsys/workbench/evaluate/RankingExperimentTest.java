package dev.lrrecsys.workbench.evaluate;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.explain.CandidateExplanationSource;
import dev.lrrecsys.workbench.explain.GeneratedCandidateExplanations;
import dev.lrrecsys.workbench.explain.OfflineGenerator;
import dev.lrrecsys.workbench.model.PredictionTask;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.DatabaseSnapshot;
import dev.lrrecsys.workbench.store.ExperimentFixture;
import dev.lrrecsys.workbench.store.ExperimentSampleReader;
import dev.lrrecsys.workbench.store.StoredSample;
import dev.lrrecsys.workbench.task.CancelledException;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * `--task ranking` end to end on a small fixture (130 products, so most consumers have 99 never-interacted ones):
 * the table's metrics, the candidates written once and reused, a resumed candidate build, and the refusals.
 */
@Tag("slow")
class RankingExperimentTest {

    private static final List<String> MODELS = List.of("lr-recsys", "id-only", "shuffled", "mf");

    @TempDir
    Path tmp;

    private static ExperimentSettings settings(List<String> models, int repeats) {
        return settings(models, repeats, 1);
    }

    private static ExperimentSettings settings(List<String> models, int repeats, int epochs) {
        return new ExperimentSettings(PredictionTask.RANKING, models, repeats, epochs, 0.1, 3, 32, 0.01, 5, List.of(1.0),
                ExperimentFixture.GENERATOR, ExperimentFixture.MODEL);
    }

    private static RankingCandidates offline(Project p, boolean allowLlmCalls) {
        return new RankingCandidates(p.database(), p.dir(),
                (rows, hasPair) -> new GeneratedCandidateExplanations(p.database(), new OfflineGenerator()), allowLlmCalls);
    }

    private static ExperimentJob job(Project p, ExperimentSettings s, RankingCandidates ranking) {
        return job(p, s, ranking, null);
    }

    private static ExperimentJob job(Project p, ExperimentSettings s, RankingCandidates ranking, Long resume) {
        return new ExperimentJob(p.database(), p.modelsDir(), p.exportsDir(), s, ModelCatalog.standard(),
                new AutoencoderCodeSource(p, 1, 5), resume, ranking);
    }

    private static List<StoredSample> highTestSamples(Project p) {
        return p.database().read(tx -> new ExperimentSampleReader().all(tx)).stream()
                .filter(s -> s.test() && s.rating() >= 4).toList();
    }

    private static Map<String, Long> rankingRows(Project p) {
        return Map.of("sets", ExperimentFixture.count(p.database(), "ranking_candidate_set"),
                "candidates", ExperimentFixture.count(p.database(), "ranking_candidate"),
                "experiments", ExperimentFixture.count(p.database(), "experiment"),
                "runs", ExperimentFixture.count(p.database(), "run"));
    }

    @Test
    void ranksEachHighTestSampleAgainst99CandidatesAndReusesTheStoredCandidates() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            new ExperimentFixture().write(p.database(), 24, 130, 12, 3, 0, Double.NaN);
            ExperimentOutcome first = job(p, settings(MODELS, 2), offline(p, false)).run(TaskContext.silent());

            ResultTable table = first.tables().get(0);
            assertThat(table.metrics()).extracting(ResultTable.Metric::name)
                    .containsExactly("HR@5", "HR@10", "HR@20", "NDCG@5", "NDCG@10", "NDCG@20");
            assertThat(table.markdown()).contains("| model | role | runs | epochs | HR@5 | HR@10 | HR@20 | NDCG@5 | NDCG@10 | NDCG@20 |");
            for (String model : MODELS) {
                for (ResultTable.Metric m : table.metrics()) {
                    double[] v = table.values(model, m);
                    assertThat(v).hasSize(2);
                    assertThat(java.util.Arrays.stream(v).allMatch(x -> x >= 0 && x <= 1)).isTrue();
                }
            }
            assertThat(table.summary()).contains("LR-Recsys vs best baseline (", ") on HR@10: ", ") on NDCG@10: ",
                    "LR-Recsys vs shuffled explanations on HR@10: ", "LR-Recsys vs shuffled explanations on NDCG@10: ",
                    "paired t-test over 2 repeats: p = ");
            assertThat(ExperimentFixture.count(p.database(), "run_ranking_metric")).isEqualTo(8 * 6);

            int high = highTestSamples(p).size();
            String rankedLine = first.notes().get(0);
            int ranked = Integer.parseInt(rankedLine.replaceAll("^ranking: (\\d+) .*", "$1"));
            assertThat(rankedLine).isEqualTo("ranking: " + ranked + " high-rated test samples (rating >= 4), each ranked "
                    + "against 99 products its consumer never interacted with (seed 5)");
            assertThat(ranked).isPositive().isLessThanOrEqualTo(high);
            long candidates = ExperimentFixture.count(p.database(), "ranking_candidate");
            assertThat(candidates).isEqualTo(99L * ranked);
            assertThat(first.notes()).last().isEqualTo("candidate explanations: " + candidates
                    + " generated by offline reasoner (no LLM), 0 LLM calls (candidate set 1)");
            assertThat(Files.readString(first.markdown())).contains(rankedLine, first.notes().get(first.notes().size() - 1));
            assertThat(Files.readAllLines(first.csv()).get(0)).contains("hr10_mean,hr10_sd", "ndcg10_mean,ndcg10_sd");

            ExperimentOutcome again = job(p, settings(List.of("lr-recsys", "mf"), 1), offline(p, false)).run(TaskContext.silent());
            assertThat(again.notes()).last().isEqualTo("candidate explanations: " + candidates
                    + " generated by offline reasoner (no LLM), 0 LLM calls (stored candidate set 1, nothing new)");
            assertThat(ExperimentFixture.count(p.database(), "ranking_candidate")).isEqualTo(candidates);
            assertThat(ExperimentFixture.count(p.database(), "ranking_candidate_set")).isEqualTo(1);
            // The same seed and candidates give the same first repeat.
            ResultTable.Metric hr10 = table.metrics().get(1);
            ResultTable.Metric hr10Again = again.tables().get(0).metrics().get(1);
            assertThat(again.tables().get(0).values("mf", hr10Again)[0]).isEqualTo(table.values("mf", hr10)[0]);
        }
    }

    @Test
    void candidatesCanReuseTheNearestStoredSamplesPairWithoutAnyGeneratorCall() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            // 20 interactions each for 60 consumers: every product has stored samples to borrow from.
            new ExperimentFixture().write(p.database(), 60, 130, 20, 3, 0, Double.NaN);
            RankingCandidates nearest = new RankingCandidates(p.database(), p.dir(), (rows, hasPair) ->
                    new dev.lrrecsys.workbench.explain.NearestSampleExplanations(p.database(), rows, hasPair,
                            ExperimentFixture.MODEL), false);
            ExperimentOutcome o = job(p, settings(List.of("lr-recsys", "shuffled"), 1), nearest).run(TaskContext.silent());
            long candidates = ExperimentFixture.count(p.database(), "ranking_candidate");
            assertThat(candidates).isPositive();
            assertThat(o.notes()).last().isEqualTo("candidate explanations: " + candidates + " reused from the nearest "
                    + "stored sample (pairs written by offline reasoner (no LLM)), 0 LLM calls (candidate set 1); "
                    + "writing them with the generator would cost " + 2 * candidates + " calls");
            // Every candidate names the stored sample it borrowed from; fixture products have several samples each.
            assertThat(p.database().read(tx -> new dev.lrrecsys.workbench.store.RankingCandidateRepository()
                    .candidates(tx, 1)).values().stream().flatMap(List::stream)
                    .allMatch(c -> c.fromSampleId() != null)).isTrue();
            ResultTable table = o.tables().get(0);
            assertThat(table.values("lr-recsys", table.primary())).hasSize(1);
        }
    }

    @Test
    void aCancelledCandidateBuildIsResumedWhereItStopped() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            new ExperimentFixture().write(p.database(), 60, 130, 12, 3, 0, Double.NaN);
            TaskContext cancelAfterFirstBatch = new TaskContext() {
                private boolean batchWritten;

                @Override
                public void progress(long done, long total, String message) {
                    batchWritten |= message.startsWith("ranking candidates: ");
                }

                @Override
                public void message(String message) {
                }

                @Override
                public boolean isCancelled() {
                    return batchWritten;
                }
            };
            assertThatThrownBy(() -> job(p, settings(List.of("lr-recsys"), 1), offline(p, false)).run(cancelAfterFirstBatch))
                    .isInstanceOf(CancelledException.class);
            assertThat(rankingRows(p)).containsEntry("sets", 1L).containsEntry("candidates", 99L * RankingCandidates.BATCH)
                    .containsEntry("experiments", 0L);

            ExperimentOutcome resumed = job(p, settings(List.of("lr-recsys"), 1), offline(p, false)).run(TaskContext.silent());
            long candidates = ExperimentFixture.count(p.database(), "ranking_candidate");
            assertThat(resumed.notes()).last().isEqualTo("candidate explanations: "
                    + (candidates - 99L * RankingCandidates.BATCH)
                    + " generated by offline reasoner (no LLM), 0 LLM calls (candidate set 1)");
            int ranked = Integer.parseInt(resumed.notes().get(0).replaceAll("^ranking: (\\d+) .*", "$1"));
            assertThat(candidates).isEqualTo(99L * ranked);
        }
    }

    @Test
    void aCancelledRankingExperimentIsResumedWithItsFinishedRunsAndStoredCandidates() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            new ExperimentFixture().write(p.database(), 24, 130, 12, 3, 0, Double.NaN);
            // Two epochs, so that mf is cancelled inside its second one, after lr-recsys has finished.
            ExperimentSettings s = settings(List.of("lr-recsys", "mf"), 1, 2);
            TaskContext cancelAtMf = new TaskContext() {
                private boolean mf;

                @Override
                public void progress(long done, long total, String message) {
                    mf |= message.startsWith("mf ");
                }

                @Override
                public void message(String message) {
                }

                @Override
                public boolean isCancelled() {
                    return mf;
                }
            };
            assertThatThrownBy(() -> job(p, s, offline(p, false)).run(cancelAtMf)).isInstanceOf(CancelledException.class);
            long experiment = p.database().read(tx -> new dev.lrrecsys.workbench.store.ExperimentRepository()
                    .lastUnfinished(tx)).orElseThrow().id();
            long candidates = ExperimentFixture.count(p.database(), "ranking_candidate");
            assertThat(ExperimentFixture.count(p.database(), "run_ranking_metric")).isEqualTo(6);

            ExperimentOutcome resumed = job(p, s, offline(p, false), experiment).run(TaskContext.silent());
            assertThat(resumed.experimentId()).isEqualTo(experiment);
            assertThat(resumed.notes()).last().asString().endsWith("(stored candidate set 1, nothing new)");
            assertThat(ExperimentFixture.count(p.database(), "ranking_candidate")).isEqualTo(candidates);
            ResultTable table = resumed.tables().get(0);
            for (String model : List.of("lr-recsys", "mf")) {
                assertThat(table.values(model, table.primary())).hasSize(1);
            }
            assertThat(ExperimentFixture.count(p.database(), "run_ranking_metric")).isEqualTo(12);
        }
    }

    @Test
    void aProjectWithoutHighRatedTestSamplesIsRefusedAndNothingIsStored() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            new ExperimentFixture().write(p.database(), 24, 130, 12, 3, 0, Double.NaN);
            ExperimentFixture.rateTestSamples(p.database(), 2);
            Map<String, String> before = DatabaseSnapshot.of(p.database());
            assertThatThrownBy(() -> job(p, settings(List.of("mf"), 1), offline(p, false)).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("No high-rated test samples to rank: --task ranking ranks each test sample rated 4 or "
                            + "more against 99 products its consumer never interacted with, and this project's test "
                            + "split has none.");
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }

    @Test
    void consumersWithFewerThan99NeverInteractedProductsAreSkippedAndAProjectOfThemOnlyIsRefused() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            new ExperimentFixture().write(p.database(), 24, 40, 12, 3, 0, Double.NaN);
            Map<String, String> before = DatabaseSnapshot.of(p.database());
            long consumers = highTestSamples(p).stream().map(StoredSample::consumerId).distinct().count();
            assertThatThrownBy(() -> job(p, settings(List.of("mf"), 1), offline(p, false)).run(TaskContext.silent()))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("No test sample can be ranked: each of the " + consumers + " consumers with a "
                            + "high-rated test sample has fewer than 99 products they never interacted with; "
                            + "--task ranking needs at least 99 products beyond each consumer's own.");
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
        try (Project p = Project.create(tmp.resolve("q"))) {
            // 105 products, all met by someone, and 7 interactions each: a consumer who met 7 distinct products has
            // 98 left and is skipped; one who met a product twice keeps 99 and is ranked.
            new ExperimentFixture().write(p.database(), 200, 105, 7, 3, 0, Double.NaN);
            ExperimentOutcome o = job(p, settings(List.of("mf"), 1), offline(p, false)).run(TaskContext.silent());
            List<StoredSample> high = highTestSamples(p);
            int ranked = Integer.parseInt(o.notes().get(0).replaceAll("^ranking: (\\d+) .*", "$1"));
            String skipped = o.notes().get(1);
            assertThat(skipped).matches("ranking: \\d+ consumers skipped \\(\\d+ high-rated test samples\\): fewer than "
                    + "99 products they never interacted with");
            int skippedSamples = Integer.parseInt(skipped.replaceAll(".*\\((\\d+) high-rated.*", "$1"));
            assertThat(ranked + skippedSamples).isEqualTo(high.size());
            assertThat(o.notes()).last().isEqualTo("candidate explanations: none (no chosen model reads explanations)");
        }
    }

    @Test
    void writingCandidateExplanationsWithAnLlmIsRefusedWhenItCostsMoreCallsThanSamplesWithoutTheFlag() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            ExperimentFixture f = new ExperimentFixture().write(p.database(), 24, 130, 12, 3, 0, Double.NaN);
            // A stand-in for an LLM generator that must never be asked: the cost check comes first.
            RankingCandidates llm = new RankingCandidates(p.database(), p.dir(), (rows, hasPair) -> new CandidateExplanationSource() {
                @Override public String source() {
                    return "generated";
                }

                @Override public String writtenBy() {
                    return "ollama / llama3.1";
                }

                @Override public boolean callsLlm() {
                    return true;
                }

                @Override public List<Pair> explain(List<Triple> triples) {
                    throw new AssertionError("no LLM call may be made");
                }
            }, false);
            Map<String, Long> before = rankingRows(p);
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> job(p, settings(List.of("lr-recsys"), 1), llm).run(TaskContext.silent()));
            String message = refused.getMessage();
            long candidates = Long.parseLong(message.replaceAll("^Writing explanations for (\\d+) .*", "$1"));
            assertThat(refused).isInstanceOf(WorkbenchException.class);
            assertThat(message).isEqualTo(RankingCandidates.llmCostMessage(candidates, "ollama / llama3.1",
                    2 * candidates, f.samples)).isEqualTo("Writing explanations for " + candidates + " ranking candidates "
                    + "with ollama / llama3.1 would cost " + 2 * candidates + " LLM calls, more than the project's "
                    + f.samples + " samples: add --allow-llm-calls to spend them, or use --candidate-explanations "
                    + "nearest to reuse stored pairs without calls.");
            assertThat(candidates % 99).isZero();
            assertThat(rankingRows(p)).isEqualTo(before);
        }
    }

    @Test
    void sentenceEmbeddingModelsCannotRank() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            new ExperimentFixture().write(p.database(), 4, 130, 6, 3, 0, Double.NaN);
            Map<String, String> before = DatabaseSnapshot.of(p.database());
            assertThatThrownBy(() -> job(p, settings(List.of("lr-recsys", "minilm"), 1), offline(p, false))
                    .run(TaskContext.silent())).isInstanceOf(WorkbenchException.class)
                    .hasMessage("minilm cannot rank: its sentence embeddings exist for stored samples only, not for the "
                            + "sampled candidates; leave it out of --models for --task ranking.");
            assertThat(DatabaseSnapshot.of(p.database())).isEqualTo(before);
        }
    }
}
