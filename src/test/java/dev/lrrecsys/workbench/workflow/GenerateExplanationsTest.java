package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.explain.ExplainFixtures;
import dev.lrrecsys.workbench.explain.Variant;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Generate explanations": the one home of the LLM defaults, its checks, and the keyword index after a run. */
class GenerateExplanationsTest {

    @TempDir
    Path tmp;

    private static GenerateExplanations.Settings llm(String url, double temperature, int maxTokens, int timeout) {
        return new GenerateExplanations.Settings("ollama", null, url, Variant.CONTRASTIVE, 4, 0, false, temperature,
                maxTokens, timeout, false);
    }

    @Test
    void blankServerAndModelTakeTheDefaults() {
        GenerateExplanations.Settings s = llm("  ", 0.2, 120, 120);
        assertThat(s.url()).isEqualTo("http://localhost:11434");
        assertThat(s.model()).isEqualTo("llama3.1");
        assertThat(s.llm().timeout().toSeconds()).isEqualTo(120);
        assertThat(llm("https://gpu.example:8443/v1/", 0, 1, 1).llm().url()).isEqualTo("https://gpu.example:8443/v1");
    }

    @Test
    void badSettingsNameTheSetting() {
        assertThatThrownBy(() -> llm("http://localhost:11434", 0.2, 120, 0)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("timeout must be at least 1 second, got 0.");
        assertThatThrownBy(() -> llm("localhost:11434", 0.2, 120, 1))
                .hasMessage("url must be an http:// or https:// address with a host, got 'localhost:11434'.");
        assertThatThrownBy(() -> llm("http://", 0.2, 120, 1))
                .hasMessage("url must be an http:// or https:// address with a host, got 'http://'.");
        assertThatThrownBy(() -> llm("http://localhost:11434", Double.POSITIVE_INFINITY, 120, 1))
                .hasMessage("temperature must be a number from 0 to 2, got Infinity.");
        assertThatThrownBy(() -> llm("http://localhost:11434", 0.2, -5, 1)).hasMessage("max tokens must be at least 1, got -5.");
        assertThatThrownBy(() -> GenerateExplanations.Settings.defaults().withGenerator("gpt", null, null, 1))
                .hasMessage("Unknown generator 'gpt': use offline, ollama or openai-compatible.");
        assertThatThrownBy(() -> new GenerateExplanations.Settings("offline", null, null, Variant.CONTRASTIVE, 4, -1, false,
                0.2, 120, 120, false)).hasMessage("limit must be 0 (all samples) or more, got -1.");
    }

    @Test
    void theEstimateWritesNoExplanationAndTheRunIndexesTheKeywordsOfWhatItWrote() throws Exception {
        try (Project p = ExplainFixtures.tinyWorld(tmp.resolve("p"), "El Quinto")) {
            GenerateExplanations.Settings offline = GenerateExplanations.Settings.defaults();
            GenerateExplanations.Estimate e = GenerateExplanations.estimate(p, offline).run(TaskContext.silent());
            assertThat(List.of(e.generator(), e.model(), e.usesPrompts())).containsExactly("offline", "offline reasoner (no LLM)", false);
            assertThat(e.estimate().toGenerate()).isEqualTo(16);
            // It derives the samples when there are none, but writes no explanation.
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation")).isZero();

            GenerateExplanations.Outcome o = GenerateExplanations.job(p, offline).run(TaskContext.silent());
            assertThat(o.summary().ok()).isEqualTo(16);
            assertThat(o.keywords().explanations()).isEqualTo(16);
            assertThat(TableSnapshot.count(p.database(), "SELECT explanations FROM keyword_source")).isEqualTo(16);
        }
    }

    @Test
    void aVariantWithoutContrastivePairsIsNotIndexed() throws Exception {
        try (Project p = ExplainFixtures.tinyWorld(tmp.resolve("p"), "El Quinto")) {
            GenerateExplanations.Settings general = new GenerateExplanations.Settings("offline", null, null, Variant.GENERAL, 4,
                    0, false, 0.2, 120, 120, false);
            GenerateExplanations.Outcome o = GenerateExplanations.job(p, general).run(TaskContext.silent());
            assertThat(o.keywords()).isNull();
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM keyword_source")).isZero();
        }
    }
}
