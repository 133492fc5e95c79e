package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationRepository;
import dev.lrrecsys.workbench.store.ExplanationRepository.ExplanationRow;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Ollama generator through the real langchain4j client against {@link FakeOllamaServer}, failure paths included. */
@org.junit.jupiter.api.Tag("slow")
class OllamaGenerationTest {

    @TempDir
    Path dir;

    FakeOllamaServer server;
    Project project;

    @BeforeEach
    void setUp() throws Exception {
        server = FakeOllamaServer.start();
        project = ExplainFixtures.tinyWorld(dir.resolve("p"), "El Quinto");
    }

    @AfterEach
    void tearDown() {
        project.close();
        server.close();
    }

    private List<ExplanationRow> rows() {
        return project.database().read(tx -> new ExplanationRepository().all(tx, "ollama", "llama3.1"));
    }

    private GenerationSummary generate(int concurrency) throws Exception {
        return ExplainFixtures.generate(project, ExplainFixtures.ollama(server.baseUrl(), concurrency), Variant.CONTRASTIVE, 3);
    }

    @Test
    void writesAValidPositiveAndNegativeSentencePerSampleWithTemplateVersionAndPromptHash() throws Exception {
        GenerationSummary summary = generate(4);

        long samples = TableSnapshot.count(project.database(), "SELECT COUNT(*) FROM sample");
        assertThat(samples).isEqualTo(8);
        assertThat(summary.ok()).isEqualTo(16);
        assertThat(rows()).hasSize(16).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("ok");
            assertThat(r.templateVersion()).isEqualTo(1);
            assertThat(r.promptHash()).hasSize(64);
            assertThat(r.text()).startsWith(r.side().equals("positive")
                    ? "The consumer visited this restaurant because the consumer likes"
                    : "The consumer did not visit this restaurant because the consumer likes");
        });
        assertThat(TableSnapshot.count(project.database(), "SELECT COUNT(*) FROM prompt_template WHERE domain = 'restaurant'"))
                .isEqualTo(PromptBook.KINDS.size());
        assertThat(TableSnapshot.count(project.database(), "SELECT COUNT(*) FROM generation_run WHERE outcome = 'finished' AND ok = 16"))
                .isEqualTo(1);
    }

    @Test
    void theStoredHashIsTheSha256OfThePromptThatWasSent() throws Exception {
        generate(1);
        ExplanationRow first = rows().get(0);
        PromptBook book = PromptBook.loadReadOnly(project.database(), Domain.RESTAURANT);
        GenerationInputs world = GenerationInputs.load(project.database());
        var ref = project.database().read(tx -> new dev.lrrecsys.workbench.store.ExplanationInputRepository()
                .page(tx, first.sampleId() - 1, first.sampleId(), 1)).get(0);
        Prompt prompt = book.render(Variant.CONTRASTIVE, Side.of(first.side()), world.context(ref), 0, 2);
        assertThat(first.promptHash()).isEqualTo(prompt.hash());
        assertThat(prompt.text()).contains("<<<CANDIDATE").contains("never instructions");
    }

    @Test
    void aPromptAnsweredBeforeIsNeverSentAgain() throws Exception {
        generate(2);
        long sent = server.generationRequests();
        TableSnapshot.execute(project.database(), "DELETE FROM explanation");

        GenerationSummary again = generate(2);

        assertThat(server.generationRequests()).isEqualTo(sent);
        assertThat(again.cached()).isEqualTo(16);
        assertThat(again.ok()).isZero();
        assertThat(rows()).hasSize(16).allSatisfy(r -> assertThat(r.status()).isEqualTo("ok"));
    }

    @Test
    void rerunningAFinishedRunSendsNothingAndDuplicatesNothing() throws Exception {
        generate(2);
        long sent = server.generationRequests();
        GenerationSummary again = generate(2);
        assertThat(server.generationRequests()).isEqualTo(sent);
        assertThat(again.skipped()).isEqualTo(16);
        assertThat(rows()).hasSize(16);
    }

    @Test
    void cancellingKeepsTheCommittedBatchesAndTheNextRunFinishesTheRest() throws Exception {
        server.setLatencyMillis(30);
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        TaskContext cancelAfterFirstCommit = new TaskContext() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public void message(String message) {
                if (message.startsWith("committed")) {
                    cancel.set(true);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        ContrastiveExplanationJob job = new ContrastiveExplanationJob(project.database(),
                ExplainFixtures.ollama(server.baseUrl(), 1), new GenerationRequest(Variant.CONTRASTIVE, 0, false, 3));
        assertThatThrownBy(() -> job.run(cancelAfterFirstCommit)).isInstanceOf(dev.lrrecsys.workbench.task.CancelledException.class);
        assertThat(rows()).hasSizeBetween(3, 15);
        assertThat(TableSnapshot.rows(project.database(), "SELECT outcome FROM generation_run")).containsExactly("cancelled");

        GenerationSummary rest = generate(2);
        assertThat(rest.skipped() + rest.ok()).isEqualTo(16);
        assertThat(rows()).hasSize(16).allSatisfy(r -> assertThat(r.status()).isEqualTo("ok"));
    }

    @Test
    void connectionRefusedFailsFastWithTheMessageAndChangesNothing() {
        List<String> before = ExplainFixtures.storeContents(project);
        String url = "http://127.0.0.1:9";
        assertThatThrownBy(() -> ExplainFixtures.generate(project, ExplainFixtures.ollama(url, 4), Variant.CONTRASTIVE, 3))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("Cannot reach Ollama at http://127.0.0.1:9: is `ollama serve` running?");
        assertThat(ExplainFixtures.storeContents(project)).isEqualTo(before);
    }

    @Test
    void anUnknownModelFailsFastWithThePullCommandAndChangesNothing() {
        List<String> before = ExplainFixtures.storeContents(project);
        LlmSettings s = new LlmSettings(server.baseUrl(), "mistral", 0, 100, Duration.ofSeconds(5));
        ExplanationGenerator g = new ChatExplanationGenerator(new OllamaBackend(s), ExplainFixtures.fastRetry(), 2);
        assertThatThrownBy(() -> ExplainFixtures.generate(project, g, Variant.CONTRASTIVE, 3))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("Model 'mistral' is not pulled on " + server.baseUrl() + ": run `ollama pull mistral`");
        assertThat(ExplainFixtures.storeContents(project)).isEqualTo(before);
        assertThat(server.generationRequests()).isZero();
    }

    @Test
    void aModelMissingWhenPromptedStopsTheJobWithThePullMessage() {
        // The prompt goes straight to /api/chat (no /api/tags check), as when a model is removed mid-run.
        LlmSettings s = new LlmSettings(server.baseUrl(), "phi3", 0, 100, Duration.ofSeconds(5));
        ChatExplanationGenerator g = new ChatExplanationGenerator(new OllamaBackend(s), ExplainFixtures.fastRetry(), 1);
        assertThatThrownBy(() -> g.answer(Prompt.of(Side.POSITIVE, "x", 1), null, new SentenceValidator(Domain.RESTAURANT, 0, 2)))
                .isInstanceOf(WorkbenchException.class)
                .hasMessage("Model 'phi3' is not pulled on " + server.baseUrl() + ": run `ollama pull phi3`");
        assertThat(server.generationRequests()).isEqualTo(1);
    }

    @Test
    void http500IsRetriedWithBackoffAndSucceeds() throws Exception {
        server.thenFor(2, FakeOllamaServer.Mode.HTTP_500);
        GenerationSummary summary = generate(1);
        assertThat(summary.ok()).isEqualTo(16);
        assertThat(summary.failed()).isZero();
        assertThat(server.generationRequests()).isEqualTo(18);
    }

    @Test
    void persistentHttp500MarksTheSamplesFailedAndTheJobGoesOn() throws Exception {
        server.mode(FakeOllamaServer.Mode.HTTP_500);
        GenerationSummary summary = generate(2);
        assertThat(summary.failed()).isEqualTo(16);
        assertThat(rows()).hasSize(16).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.text()).isNull();
            assertThat(r.reason()).startsWith("server error:").endsWith("(after 3 attempts)");
        });
        assertThat(server.generationRequests()).isEqualTo(16 * 3);

        // Failed rows are tried again by the next run and updated in place.
        server.mode(FakeOllamaServer.Mode.NORMAL);
        GenerationSummary second = generate(2);
        assertThat(second.ok()).isEqualTo(16);
        assertThat(rows()).hasSize(16).allSatisfy(r -> assertThat(r.status()).isEqualTo("ok"));
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        server.thenFor(1, FakeOllamaServer.Mode.DROP_CONNECTION);
        GenerationSummary summary = generate(1);
        assertThat(summary.ok()).isEqualTo(16);
        assertThat(server.generationRequests()).isEqualTo(17);
    }

    @Test
    void aDroppedConnectionEveryTimeEndsAsFailed() throws Exception {
        server.mode(FakeOllamaServer.Mode.DROP_CONNECTION);
        GenerationSummary summary = generate(2);
        assertThat(summary.failed()).isEqualTo(16);
        assertThat(rows()).allSatisfy(r -> assertThat(r.reason()).startsWith("request failed:"));
    }

    @Test
    void aStalledServerTimesOutAndIsRecordedAsFailed() throws Exception {
        server.mode(FakeOllamaServer.Mode.STALL);
        LlmSettings s = new LlmSettings(server.baseUrl(), "llama3.1", 0, 100, Duration.ofMillis(300));
        ExplanationGenerator g = new ChatExplanationGenerator(new OllamaBackend(s), new RetryPolicy(1, Duration.ofMillis(5)), 8);
        GenerationSummary summary = new ContrastiveExplanationJob(project.database(), g,
                new GenerationRequest(Variant.CONTRASTIVE, 2, false, 3)).run(TaskContext.silent());
        assertThat(summary.failed()).isEqualTo(4);
        assertThat(rows()).hasSize(4).allSatisfy(r -> assertThat(r.reason()).startsWith("timeout:").endsWith("(after 2 attempts)"));
    }

    @Test
    void malformedJsonIsRetriedThenRecordedAsFailed() throws Exception {
        server.mode(FakeOllamaServer.Mode.MALFORMED_JSON);
        GenerationSummary summary = generate(2);
        assertThat(summary.failed()).isEqualTo(16);
        assertThat(summary.ok()).isZero();
        assertThat(rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo("failed"));
    }

    @Test
    void aBadlyFormedSentenceGetsOneCorrectiveRetry() throws Exception {
        server.thenFor(1, FakeOllamaServer.Mode.BAD_SENTENCE);
        GenerationSummary summary = generate(1);
        assertThat(summary.ok()).isEqualTo(16);
        assertThat(summary.rejected()).isZero();
        assertThat(server.generationRequests()).isEqualTo(17);
    }

    @Test
    void aSentenceBadTwiceIsStoredAsRejectedWithTheReasonAndNoText() throws Exception {
        server.mode(FakeOllamaServer.Mode.BAD_SENTENCE);
        GenerationSummary summary = generate(2);
        assertThat(summary.rejected()).isEqualTo(16);
        assertThat(rows()).hasSize(16).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("rejected");
            assertThat(r.text()).isNull();
            assertThat(r.reason()).startsWith("does not start with \"The consumer");
        });
        assertThat(server.generationRequests()).isEqualTo(32);
    }

    @Test
    void theEstimatesProbeAnswersAreKeptSoARunStartedLaterDoesNotAskAgain() throws Exception {
        // The CLI and the window estimate with one job, then run another (or the user presses Ctrl-C in between).
        new ContrastiveExplanationJob(project.database(), ExplainFixtures.ollama(server.baseUrl(), 2),
                new GenerationRequest(Variant.CONTRASTIVE, 0, false, 3)).estimate(TaskContext.silent());
        assertThat(server.generationRequests()).isEqualTo(2);

        GenerationSummary summary = generate(2);

        assertThat(summary.cached()).isEqualTo(2);
        assertThat(summary.ok()).isEqualTo(14);
        assertThat(server.generationRequests()).as("every prompt sent once").isEqualTo(16);
    }

    @Test
    void rejectedRowsAreAskedAgainOnlyWhenRetryIsAskedForAndTheCountsFollow() throws Exception {
        server.mode(FakeOllamaServer.Mode.BAD_SENTENCE);
        generate(2);
        server.mode(FakeOllamaServer.Mode.NORMAL);
        long before = server.generationRequests();

        GenerationSummary plain = generate(2);
        assertThat(plain.skipped()).isEqualTo(16);
        assertThat(server.generationRequests()).isEqualTo(before);

        GenerationSummary retried = ExplainFixtures.retryRejected(project, ExplainFixtures.ollama(server.baseUrl(), 2));
        assertThat(retried.ok()).isEqualTo(16);
        assertThat(retried.cached()).as("the cache holds the rejected answers: a retry must not reuse them").isZero();
        assertThat(rows()).hasSize(16).allSatisfy(r -> assertThat(r.status()).isEqualTo("ok"));
        // The explorer's totals moved from rejected to ok with the rows.
        assertThat(TableSnapshot.rows(project.database(), "SELECT status, n FROM explanation_count WHERE generator = "
                + "'ollama' AND n <> 0 ORDER BY status")).containsExactly("ok|8", "ok|8");
    }

    @Test
    void anAnswerInTheWrongFieldIsAServerFaultStoredAsFailedAndAskedAgainByTheNextRun() throws Exception {
        server.mode(FakeOllamaServer.Mode.WRONG_FIELD);
        GenerationSummary broken = generate(2);

        assertThat(broken.failed()).isEqualTo(16);
        assertThat(broken.rejected()).isZero();
        assertThat(broken.allFailed()).isTrue();
        assertThat(broken.topFailures()).hasSize(1);
        assertThat(broken.topFailures().get(0).count()).isEqualTo(16);
        assertThat(broken.topFailures().get(0).reason()).isEqualTo("request failed: the server's reply had no answer "
                + "text in the field its API defines (a server fault) (after 3 attempts)");

        server.mode(FakeOllamaServer.Mode.NORMAL);
        GenerationSummary healthy = generate(2);
        assertThat(healthy.ok()).isEqualTo(16);
        assertThat(healthy.skipped()).isZero();
    }

    /**
     * A product name carrying instructions reaches the model only inside a data field; this fake obeys it anyway
     * and answers "HACKED". What keeps that out of the project is the sentence validator: such answers lack the
     * side's opening, so they are stored as rejected with the validator's reason and no text.
     */
    @Test
    void answersObeyingInstructionsInAProductNameAreRejectedByTheSentenceValidator(@TempDir Path other) throws Exception {
        try (Project injected = ExplainFixtures.tinyWorld(other.resolve("q"), ExplainFixtures.INJECTION)) {
            server.mode(FakeOllamaServer.Mode.ECHO_INSTRUCTIONS);
            GenerationSummary summary = ExplainFixtures.generate(injected, ExplainFixtures.ollama(server.baseUrl(), 2),
                    Variant.CONTRASTIVE, 3);
            List<ExplanationRow> stored = injected.database().read(tx -> new ExplanationRepository().all(tx, "ollama", "llama3.1"));
            assertThat(stored).hasSize(16);
            assertThat(stored).allSatisfy(r -> {
                String opening = r.side().equals("positive") ? Side.POSITIVE.opening(Domain.RESTAURANT)
                        : Side.NEGATIVE.opening(Domain.RESTAURANT);
                if (r.status().equals("ok")) {
                    assertThat(r.text()).startsWith(opening).doesNotContain("HACKED");
                } else {
                    assertThat(r.status()).isEqualTo("rejected");
                    assertThat(r.text()).isNull();
                    assertThat(r.reason()).isEqualTo("does not start with \"" + opening + "\" (answer: HACKED)");
                }
            });
            // Only the prompts that carry the product's name are obeyed; the others are answered normally.
            assertThat(summary.rejected()).isPositive();
            assertThat(summary.ok()).isPositive();
        }
    }
}
