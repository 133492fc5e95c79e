package dev.lrrecsys.workbench.explain;

import com.sun.net.httpserver.HttpExchange;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExplanationRepository;
import dev.lrrecsys.workbench.store.ExplanationRepository.ExplanationRow;
import dev.lrrecsys.workbench.store.PromptTemplateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** "Show prompt": the rebuilt prompt is the one the server received, and it says when it cannot be rebuilt. */
class PromptRebuildTest {

    /** A loopback Ollama that keeps every prompt it was sent. */
    static final class RecordingServer extends LoopbackOllamaServer {
        final ConcurrentLinkedQueue<String> prompts = new ConcurrentLinkedQueue<>();

        RecordingServer() throws IOException {
            super(0, Set.of("llama3.1:latest"));
        }

        @Override
        protected void respond(HttpExchange ex, String model, String prompt, boolean chat) throws IOException {
            prompts.add(prompt);
            super.respond(ex, model, prompt, chat);
        }
    }

    @Test
    void rebuildsExactlyThePromptsTheServerReceivedEvenAfterTheTemplateWasEdited(@TempDir Path dir) throws Exception {
        try (RecordingServer server = new RecordingServer(); Project p = ExplainFixtures.tinyWorld(dir.resolve("p"), "El Quinto")) {
            ExplainFixtures.generate(p, ExplainFixtures.ollama(server.baseUrl(), 1), Variant.CONTRASTIVE, 3);
            List<ExplanationRow> rows = p.database().read(tx -> new ExplanationRepository().all(tx, "ollama", "llama3.1"));
            assertThat(rows).hasSize(16);
            // A user edit stores version 2; the explanations were made with version 1 and rebuild from it.
            p.database().inTransaction((dev.lrrecsys.workbench.store.Database.Work<Integer>) tx -> new PromptTemplateRepository().saveNewVersion(tx, "restaurant", "negative",
                    "Edited: {{consumer}} {{candidate}}"));
            PromptRebuild rebuild = new PromptRebuild(p.database());
            for (ExplanationRow r : rows) {
                PromptRebuild.Result result = rebuild.rebuild(origin(r, r.templateVersion(), r.promptHash()));
                assertThat(result.matches()).as(r.sampleId() + " " + r.side()).isTrue();
                assertThat(result.hash()).isEqualTo(r.promptHash());
                assertThat(server.prompts).contains(result.text());
                assertThat(result.note()).isEqualTo("Rebuilt from template version 1 and the sample's stored inputs. "
                        + "Its SHA-256 matches the stored prompt_hash: this is the prompt that was sent.");
            }

            ExplanationRow first = rows.get(0);
            PromptRebuild.Result missing = rebuild.rebuild(origin(first, 9, first.promptHash()));
            assertThat(missing.text()).isNull();
            assertThat(missing.matches()).isFalse();
            assertThat(missing.note()).isEqualTo("Cannot rebuild: version 9 of the restaurant '" + first.side()
                    + "' template is not stored in this project.");

            String other = "0".repeat(64);
            PromptRebuild.Result changed = rebuild.rebuild(origin(first, first.templateVersion(), other));
            assertThat(changed.matches()).isFalse();
            assertThat(changed.text()).isNotNull();
            assertThat(changed.note()).endsWith("Its SHA-256 does NOT match the stored prompt_hash (" + other + "): the inputs "
                    + "or the template changed after generation, so this is not exactly the prompt that was sent.");
        }
    }

    @Test
    void anOfflineExplanationShowsTheReasonersInputWithItsHash(@TempDir Path dir) throws Exception {
        try (Project p = ExplainFixtures.tinyWorld(dir.resolve("p"), "El Quinto"); OfflineGenerator g = new OfflineGenerator()) {
            ExplainFixtures.generate(p, g, Variant.CONTRASTIVE, 3);
            ExplanationRow r = p.database().read(tx -> new ExplanationRepository().all(tx, g.generator(), g.model())).get(0);
            PromptRebuild.Result result = new PromptRebuild(p.database()).rebuild(origin(r, null, r.promptHash()));
            assertThat(result.matches()).isTrue();
            assertThat(result.text()).startsWith("offline-reasoner-v1|contrastive|" + r.side());
            assertThat(result.note()).startsWith("The offline reasoner sends no prompt; this is its input");
        }
    }

    private static PromptRebuild.Origin origin(ExplanationRow r, Integer version, String hash) {
        return new PromptRebuild.Origin(r.sampleId(), r.variant(), r.side(), r.generator(), r.model(), version, hash);
    }
}
