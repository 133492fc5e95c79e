package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several endpoints: requests spread over them, a failing one is set aside and its requests go elsewhere. */
class EndpointPoolTest {

    @TempDir
    Path tmp;

    private static ExplanationGenerator generator(String urls) {
        return Generators.create("ollama", new LlmSettings(urls, "llama3.1", 0, 120, Duration.ofSeconds(10)), 2,
                new RetryPolicy(2, Duration.ofMillis(5)));
    }

    private static GenerationRequest request() {
        return new GenerationRequest(Variant.CONTRASTIVE, 0, false, 5);
    }

    private static String deadUrl() throws Exception {
        try (FakeOllamaServer s = FakeOllamaServer.start()) {
            return s.baseUrl();
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void requestsSpreadOverHealthyEndpointsAndADeadOrFailingOneIsSetAside() throws Exception {
        try (FakeOllamaServer a = FakeOllamaServer.start(5); FakeOllamaServer b = FakeOllamaServer.start(5);
             FakeOllamaServer failing = FakeOllamaServer.start(5);
             Project p = ExplainFixtures.synthWorldWithSamples(tmp.resolve("w"), 20, 10, 120, 2)) {
            failing.mode(FakeOllamaServer.Mode.HTTP_500);
            String urls = String.join(",", a.baseUrl(), deadUrl(), b.baseUrl(), failing.baseUrl());
            try (ExplanationGenerator g = generator(urls)) {
                assertThat(g.concurrency()).isEqualTo(8);
                GenerationSummary s = new ContrastiveExplanationJob(p.database(), g, request()).run(TaskContext.silent());
                long samples = TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM sample");
                assertThat(s.ok() + s.cached()).isEqualTo(2 * samples);
                assertThat(s.failed()).isZero();
            }
            assertThat(a.generationRequests()).isPositive();
            assertThat(b.generationRequests()).isPositive();
            assertThat(failing.generationRequests()).isLessThanOrEqualTo(EndpointPool.FAILURES_TO_SET_ASIDE + 8);
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation WHERE status <> 'ok'")).isZero();
        }
    }

    @Test
    void allEndpointsDownIsOneLineAndNothingIsStored() throws Exception {
        try (Project p = ExplainFixtures.synthWorldWithSamples(tmp.resolve("w"), 20, 10, 120, 2)) {
            String one = deadUrl();
            String two = deadUrl();
            List<String> before = ExplainFixtures.storeContents(p);
            try (ExplanationGenerator g = generator(one + "," + two)) {
                assertThatThrownBy(() -> new ContrastiveExplanationJob(p.database(), g, request()).run(TaskContext.silent()))
                        .isInstanceOf(WorkbenchException.class)
                        .hasMessage("None of the 2 endpoints can be used: Cannot reach Ollama at " + one
                                + ": is `ollama serve` running?; Cannot reach Ollama at " + two + ": is `ollama serve` running?");
            }
            assertThat(ExplainFixtures.storeContents(p)).isEqualTo(before);
        }
    }

    @Test
    void endpointsThatGoAwayMidRunStopTheJobWithOneLineKeepingOnlyWholeAnswers() throws Exception {
        try (Project p = ExplainFixtures.synthWorldWithSamples(tmp.resolve("w"), 20, 10, 120, 2)) {
            FakeOllamaServer a = FakeOllamaServer.start(5);
            String url = a.baseUrl();
            try (ExplanationGenerator g = generator(url + "," + deadUrl())) {
                ContrastiveExplanationJob job = new ContrastiveExplanationJob(p.database(), g, request());
                job.estimate(TaskContext.silent());
                a.close();
                assertThatThrownBy(() -> job.run(TaskContext.silent())).isInstanceOf(WorkbenchException.class)
                        .hasMessageStartingWith("All 2 endpoints are down or set aside: ");
            }
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation WHERE text IS NULL AND status = 'ok'")).isZero();
        }
    }
}
