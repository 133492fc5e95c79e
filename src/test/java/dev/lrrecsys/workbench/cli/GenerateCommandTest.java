package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.explain.ExplainFixtures;
import dev.lrrecsys.workbench.explain.FakeOllamaServer;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.TableSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `lrw generate` as a user runs it: what it prints, its exit codes, and what it leaves in the project. */
@org.junit.jupiter.api.Tag("slow")
class GenerateCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cl = LrwCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private Path tinyProject() {
        Path p = dir.resolve("p");
        ExplainFixtures.tinyWorld(p, "El Quinto").close();
        return p;
    }

    private static List<String> contents(Path p) {
        try (Project project = Project.open(p)) {
            return ExplainFixtures.storeContents(project);
        }
    }

    @Test
    void offlineStoresAPositiveAndANegativeForEverySampleAndPrintsTheSummary() {
        Path p = tinyProject();
        Outcome o = run("generate", "--project", p.toString(), "--generator", "offline");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("generator: offline (offline reasoner (no LLM))", "samples: 8",
                "prompts: 16 (already stored: 0, in cache: 0, to generate: 16)", "ok: 16", "cached: 0", "rejected: 0", "failed: 0");
        try (Project project = Project.open(p)) {
            assertThat(TableSnapshot.count(project.database(), "SELECT COUNT(*) FROM sample s WHERE "
                    + "(SELECT COUNT(*) FROM explanation e WHERE e.sample_id = s.id AND e.side = 'positive') = 1 AND "
                    + "(SELECT COUNT(*) FROM explanation e WHERE e.sample_id = s.id AND e.side = 'negative') = 1")).isEqualTo(8);
        }
        Outcome again = run("generate", "--project", p.toString());
        assertThat(again.out()).contains("prompts: 16 (already stored: 16, in cache: 0, to generate: 0)", "ok: 0");
    }

    @Test
    void anUnreachableOllamaFailsFastWithTheMessageAndLeavesTheProjectAsItWas() {
        Path p = tinyProject();
        List<String> before = contents(p);
        Outcome o = run("generate", "--project", p.toString(), "--generator", "ollama", "--url", "http://127.0.0.1:9");
        assertThat(o.exit()).isEqualTo(1);
        // Before it, stderr may hold the estimate's throttled progress line ("Estimate generation:  - checking ollama").
        assertThat(o.err().lines().filter(l -> !l.startsWith("Estimate generation: ")).toList())
                .containsExactly("error: Cannot reach Ollama at http://127.0.0.1:9: is `ollama serve` running?");
        assertThat(o.out()).isEmpty();
        assertThat(contents(p)).isEqualTo(before);
    }

    @Test
    void aRunWhoseEveryPromptFailedExitsNonZeroWithTheCommonestReasonsAndARerunAsksAgain() throws Exception {
        Path p = tinyProject();
        try (FakeOllamaServer server = FakeOllamaServer.start()) {
            server.mode(FakeOllamaServer.Mode.WRONG_FIELD);
            Outcome o = run("generate", "--project", p.toString(), "--generator", "ollama", "--url", server.baseUrl(),
                    "--yes", "--limit", "1");

            assertThat(o.exit()).isEqualTo(1);
            // One sample (two prompts) keeps the server's retries short.
            assertThat(o.out()).contains("failed: 2", "failure: 2 x request failed: the server's reply had no answer "
                    + "text in the field its API defines (a server fault) (after 4 attempts)");
            assertThat(o.err().lines().filter(l -> l.startsWith("error: ")).toList()).containsExactly("error: Every prompt "
                    + "failed (2): nothing was generated; the commonest reasons are listed above. Fix the cause and "
                    + "rerun: failed prompts are asked again.");

            server.mode(FakeOllamaServer.Mode.NORMAL);
            Outcome again = run("generate", "--project", p.toString(), "--generator", "ollama", "--url", server.baseUrl(), "--yes");
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.out()).contains("prompts: 16 (already stored: 0, in cache: 0, to generate: 16)", "ok: 14",
                    "cached: 2");
        }
    }

    @Test
    void retryTakesOnlyRejected() {
        Path p = tinyProject();
        Outcome o = run("generate", "--project", p.toString(), "--retry", "failed");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err().trim()).isEqualTo("error: --retry takes 'rejected' (failed prompts are always asked again), got 'failed'.");
    }

    @Test
    void anUnknownVariantIsRefusedAndChangesNothing() {
        Path p = tinyProject();
        List<String> before = contents(p);
        Outcome o = run("generate", "--project", p.toString(), "--variant", "both");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).isEqualTo("error: Unknown variant 'both': use one of contrastive, positive-only, general, "
                + "aspects, history-summary, direct-rating, concise." + System.lineSeparator());
        assertThat(contents(p)).isEqualTo(before);
    }

    @Test
    void theOfflineReasonerRefusesDirectRatingAndChangesNothing() {
        Path p = tinyProject();
        List<String> before = contents(p);
        Outcome o = run("generate", "--project", p.toString(), "--variant", "direct-rating");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).isEqualTo("error: The offline reasoner does not predict ratings: use --generator ollama for "
                + "--variant direct-rating." + System.lineSeparator());
        assertThat(contents(p)).isEqualTo(before);
    }

    @Test
    void ollamaWithAPulledModelGeneratesEveryVariantsSides() throws Exception {
        Path p = tinyProject();
        try (FakeOllamaServer server = FakeOllamaServer.start()) {
            Outcome o = run("generate", "--project", p.toString(), "--generator", "ollama", "--url", server.baseUrl(),
                    "--model", "llama3.1", "--concurrency", "2", "--yes", "--profiles");
            assertThat(o.exit()).as(o.err()).isZero();
            assertThat(o.out()).contains("generator: ollama (llama3.1)", "profiles to generate first: 5", "ok: 16");
            Outcome models = run("generate", "--project", p.toString(), "--url", server.baseUrl(), "--list-models");
            assertThat(models.out()).isEqualTo("llama3.1:latest" + System.lineSeparator());
            Outcome rating = run("generate", "--project", p.toString(), "--generator", "ollama", "--url", server.baseUrl(),
                    "--variant", "direct-rating", "--yes");
            // The estimate's two probe answers come from the prompt cache: each prompt is sent once.
            assertThat(rating.out()).contains("ok: 6", "cached: 2");
        }
        try (Project project = Project.open(p)) {
            assertThat(TableSnapshot.rows(project.database(), "SELECT DISTINCT text FROM explanation WHERE variant = 'direct-rating'"))
                    .containsExactly("The predicted rating is 2.");
            assertThat(TableSnapshot.count(project.database(), "SELECT COUNT(*) FROM product_profile WHERE status = 'ok' "
                    + "AND text LIKE 'This restaurant offers %'")).isEqualTo(5);
        }
    }

    @Test
    void badLlmSettingsSayWhichInOneLineAndStoreNothing() {
        Path p = tinyProject();
        List<String> before = contents(p);
        String project = p.toString();
        String[][] cases = {
                {"--timeout", "0", "timeout must be at least 1 second, got 0 (--timeout)."},
                {"--timeout", "-1", "timeout must be at least 1 second, got -1 (--timeout)."},
                {"--url", "notaurl", "url must be an http:// or https:// address with a host, got 'notaurl' (--url)."},
                {"--url", "file:///etc/passwd", "url must be an http:// or https:// address with a host, got 'file:///etc/passwd' (--url)."},
                {"--temperature", "2.5", "temperature must be a number from 0 to 2, got 2.5 (--temperature)."},
                {"--temperature", "-0.1", "temperature must be a number from 0 to 2, got -0.1 (--temperature)."},
                {"--temperature", "NaN", "temperature must be a number from 0 to 2, got NaN (--temperature)."},
                {"--max-tokens", "0", "max tokens must be at least 1, got 0 (--max-tokens)."},
                {"--concurrency", "0", "concurrency must be at least 1, got 0 (--concurrency)."},
        };
        for (String[] c : cases) {
            for (String generator : List.of("offline", "ollama")) {
                Outcome o = run("generate", "--project", project, "--generator", generator, "--yes", c[0], c[1]);
                assertThat(o.exit()).as(String.join(" ", c) + " " + generator).isEqualTo(1);
                assertThat(o.err()).isEqualTo("error: " + c[2] + System.lineSeparator());
                assertThat(o.out()).isEmpty();
            }
        }
        Outcome list = run("generate", "--project", project, "--list-models", "--url", "notaurl");
        assertThat(list.exit()).isEqualTo(1);
        assertThat(list.err()).isEqualTo("error: url must be an http:// or https:// address with a host, got 'notaurl' (--url)."
                + System.lineSeparator());
        assertThat(contents(p)).isEqualTo(before);
    }

    @Test
    void generationReindexesTheKeywordsOfWhatItWrote() {
        Path p = tinyProject();
        Outcome o = run("generate", "--project", p.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("keywords indexed: offline / offline reasoner (no LLM): 16 explanations, 5 products");
        try (Project project = Project.open(p)) {
            assertThat(TableSnapshot.count(project.database(), "SELECT explanations FROM keyword_source WHERE generator = 'offline'")).isEqualTo(16);
        }
    }

    /** A server whose GET /api/tags answers HTTP 500. */
    private static dev.lrrecsys.workbench.explain.LoopbackOllamaServer failingTags() throws java.io.IOException {
        return new dev.lrrecsys.workbench.explain.LoopbackOllamaServer(0, java.util.Set.of("llama3.1:latest")) {
            @Override
            protected void respondTags(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
                ex.sendResponseHeaders(500, -1);
                ex.close();
            }
        };
    }

    @Test
    void listModelsOfSeveralEndpointsNamesEachAndFailsOnlyWhenNoneAnswers() throws Exception {
        Path p = tinyProject();
        String dead;
        try (FakeOllamaServer gone = FakeOllamaServer.start()) {
            dead = gone.baseUrl();
        }
        try (var a = dev.lrrecsys.workbench.explain.LoopbackOllamaServer.start(0, "llama3.1:latest");
             var b = dev.lrrecsys.workbench.explain.LoopbackOllamaServer.start(0, "qwen2.5:7b");
             var failing = failingTags()) {
            String nl = System.lineSeparator();
            Outcome some = run("generate", "--project", p.toString(), "--list-models", "--url",
                    String.join(",", a.baseUrl(), dead, failing.baseUrl(), b.baseUrl()));
            assertThat(some.exit()).as(some.err()).isZero();
            assertThat(some.out()).isEqualTo(a.baseUrl() + ":" + nl + "  llama3.1:latest" + nl
                    + dead + ": unreachable: cannot connect (is `ollama serve` running?)" + nl
                    + failing.baseUrl() + ": unreachable: GET /api/tags answered HTTP 500" + nl
                    + b.baseUrl() + ":" + nl + "  qwen2.5:7b" + nl);

            Outcome none = run("generate", "--project", p.toString(), "--list-models", "--url",
                    dead + "," + failing.baseUrl());
            assertThat(none.exit()).isEqualTo(1);
            assertThat(none.out()).isEmpty();
            assertThat(none.err()).isEqualTo("error: None of the 2 endpoints listed its models: " + dead
                    + ": cannot connect (is `ollama serve` running?); " + failing.baseUrl()
                    + ": GET /api/tags answered HTTP 500." + nl);

            // One URL keeps the plain list and live generation's message.
            Outcome one = run("generate", "--project", p.toString(), "--list-models", "--url", b.baseUrl());
            assertThat(one.out()).isEqualTo("qwen2.5:7b" + nl);
            Outcome oneDead = run("generate", "--project", p.toString(), "--list-models", "--url", dead);
            assertThat(oneDead.exit()).isEqualTo(1);
            assertThat(oneDead.err()).isEqualTo("error: Cannot reach Ollama at " + dead + ": is `ollama serve` running?" + nl);

            Outcome badUrl = run("generate", "--project", p.toString(), "--list-models", "--url", a.baseUrl() + ",gpu2:11434");
            assertThat(badUrl.exit()).isEqualTo(1);
            assertThat(badUrl.out()).isEmpty();
            assertThat(badUrl.err()).isEqualTo("error: url must be an http:// or https:// address with a host, got "
                    + "'gpu2:11434' (endpoint 2 of 2) (--url)." + nl);
        }
    }
}
