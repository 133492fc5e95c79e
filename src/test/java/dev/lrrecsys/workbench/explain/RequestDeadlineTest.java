package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationRepository;
import dev.lrrecsys.workbench.store.ExplanationRepository.ExplanationRow;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * `--timeout` bounds the whole request, body included (issue 15 point 5): a server that sends its headers and
 * then one byte a second ends as "timed out after N s" within about N s, never as "cannot reach", in the
 * connection probe, the model list and the chat requests of both backends.
 */
@org.junit.jupiter.api.Tag("slow")
class RequestDeadlineTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    // The trickled bodies take 80 s or more to arrive; the slack covers a busy machine and the first HTTP client's start.
    private static final long WELL_WITHIN_MILLIS = 8_000;

    @TempDir
    Path dir;

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    void ollamaProbeOfATricklingServerTimesOutInsteadOfSayingCannotReach() throws Exception {
        try (FakeOllamaServer server = FakeOllamaServer.start().trickleTags(true)) {
            OllamaBackend backend = new OllamaBackend(new LlmSettings(server.baseUrl(), "llama3.1", 0, 100, ONE_SECOND));
            long start = System.nanoTime();
            assertThatThrownBy(backend::checkReady)
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("Ollama at " + server.baseUrl() + " timed out after 1 s: no complete answer to GET /api/tags");
            assertThat(millisSince(start)).isBetween(900L, WELL_WITHIN_MILLIS);
        }
    }

    @Test
    void ollamaModelListOfATricklingServerTimesOut() throws Exception {
        try (FakeOllamaServer server = FakeOllamaServer.start().trickleTags(true)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> OllamaBackend.pulledModels(server.baseUrl(), Duration.ofMillis(1500)))
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("Ollama at " + server.baseUrl() + " timed out after 1.5 s: no complete answer to GET /api/tags");
            assertThat(millisSince(start)).isLessThan(WELL_WITHIN_MILLIS);
        }
    }

    @Test
    void ollamaAnswersTrickledOneByteASecondAreRecordedAsTimeouts() throws Exception {
        try (FakeOllamaServer server = FakeOllamaServer.start(); Project project = ExplainFixtures.tinyWorld(dir.resolve("p"), "El Quinto")) {
            server.mode(FakeOllamaServer.Mode.TRICKLE);
            LlmSettings s = new LlmSettings(server.baseUrl(), "llama3.1", 0, 100, ONE_SECOND);
            ExplanationGenerator g = new ChatExplanationGenerator(new OllamaBackend(s), new RetryPolicy(1, Duration.ofMillis(5)), 8);
            long start = System.nanoTime();
            GenerationSummary summary = new ContrastiveExplanationJob(project.database(), g,
                    new GenerationRequest(Variant.CONTRASTIVE, 2, false, 3)).run(TaskContext.silent());

            assertThat(summary.failed()).isEqualTo(4);
            List<ExplanationRow> rows = project.database().read(tx -> new ExplanationRepository().all(tx, "ollama", "llama3.1"));
            assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r.reason())
                            .isEqualTo("timeout: timed out after 1 s: no complete answer to POST /api/chat (after 2 attempts)"));
            // Eight requests (four prompts, two attempts) of 1 s each, even if all were sent one after another.
            assertThat(millisSince(start)).isLessThan(8 * 1000 + WELL_WITHIN_MILLIS);
        }
    }

    @Test
    void openAiProbeOfATricklingServerTimesOutInsteadOfSayingCannotReach() throws Exception {
        try (TricklingHttpServer server = new TricklingHttpServer()) {
            String url = server.baseUrl() + "/v1";
            OpenAiCompatibleBackend backend = new OpenAiCompatibleBackend(new LlmSettings(url, "m", 0, 100, ONE_SECOND));
            long start = System.nanoTime();
            assertThatThrownBy(backend::checkReady)
                    .isInstanceOf(WorkbenchException.class)
                    .hasMessage("The OpenAI-compatible server at " + url + " timed out after 1 s: no complete answer to GET /v1/models");
            assertThat(millisSince(start)).isBetween(900L, WELL_WITHIN_MILLIS);
        }
    }

    @Test
    void openAiChatWithATrickledBodyIsATimeout() throws Exception {
        try (TricklingHttpServer server = new TricklingHttpServer()) {
            OpenAiCompatibleBackend backend = new OpenAiCompatibleBackend(
                    new LlmSettings(server.baseUrl() + "/v1", "m", 0, 100, ONE_SECOND));
            long start = System.nanoTime();
            assertThatThrownBy(() -> backend.chat("Say x."))
                    .isInstanceOf(dev.langchain4j.exception.TimeoutException.class)
                    .hasMessage("timed out after 1 s: no complete answer to POST /chat/completions")
                    .satisfies(e -> assertThat(ChatFailure.of(e)).isEqualTo(ChatFailure.TIMEOUT));
            assertThat(millisSince(start)).isBetween(900L, WELL_WITHIN_MILLIS);
        }
    }
}
