package dev.lrrecsys.workbench.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.samples.SampleDerivationJob;
import dev.lrrecsys.workbench.store.TableSnapshot;
import dev.lrrecsys.workbench.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Batch files: export what is missing, import answers validated like live ones, per-line reports, rerun completes. */
class BatchFileTest {

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    private static BatchFile batch(Project p) {
        return new BatchFile(p.database(), Variant.CONTRASTIVE, new LlmSettings("http://localhost:8000/v1", "qwen", 0.2, 120,
                Duration.ofSeconds(10)));
    }

    private String answerLine(String customId, String content) throws Exception {
        var line = json.createObjectNode();
        line.put("id", "batch_req_" + customId.hashCode());
        line.put("custom_id", customId);
        var response = line.putObject("response");
        response.put("status_code", 200);
        var body = response.putObject("body");
        body.put("model", "qwen");
        body.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", content);
        line.putNull("error");
        return json.writeValueAsString(line);
    }

    @Test
    void exportImportReportsBadLinesWithNumbersStoresNothingWrongAndARerunCompletes() throws Exception {
        try (Project p = ExplainFixtures.tinyWorld(tmp.resolve("p"), "El Quinto");
             Project other = ExplainFixtures.tinyWorld(tmp.resolve("other"), "El Quinto")) {
            SampleDerivationJob.ensureSamples(p.database(), TaskContext.silent());
            SampleDerivationJob.ensureSamples(other.database(), TaskContext.silent());
            Path requests = tmp.resolve("requests.jsonl");
            long n = batch(p).export(requests, TaskContext.silent());
            List<String> lines = Files.readAllLines(requests);
            assertThat(n).isEqualTo(lines.size()).isEqualTo(16);
            JsonNode first = json.readTree(lines.get(0));
            assertThat(first.path("custom_id").asText()).matches("lrw:[0-9a-f]{12}:s\\d+:positive:v1");
            assertThat(first.path("url").asText()).isEqualTo("/v1/chat/completions");
            assertThat(first.path("body").path("model").asText()).isEqualTo("qwen");
            String prompt0 = first.path("body").path("messages").path(0).path("content").asText();

            batch(other).export(tmp.resolve("other.jsonl"), TaskContext.silent());
            String otherId = json.readTree(Files.readAllLines(tmp.resolve("other.jsonl")).get(0)).path("custom_id").asText();

            List<String> out = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                JsonNode r = json.readTree(lines.get(i));
                out.add(answerLine(r.path("custom_id").asText(),
                        LoopbackOllamaServer.answerFor(r.path("body").path("messages").path(0).path("content").asText())));
            }
            String id0 = first.path("custom_id").asText();
            String id10 = json.readTree(lines.get(10)).path("custom_id").asText();
            out.add("{\"custom_id\": \"" + id10 + "\", \"response\": ");                      // line 11: malformed
            out.add(answerLine(id0, LoopbackOllamaServer.answerFor(prompt0)));                 // line 12: duplicate
            out.add(answerLine(id10, "Sure! Here is an explanation you might like."));         // line 13: fails validation
            out.add(answerLine(id10.replaceFirst(":s\\d+:", ":s999999:"), "x"));               // line 14: unknown sample
            out.add(answerLine(otherId, "x"));                                                 // line 15: another project
            out.add(answerLine("request-1", "x"));                                             // line 16: not ours
            Path answers = tmp.resolve("answers.jsonl");
            Files.write(answers, out);

            BatchFile.ImportReport report = batch(p).importAnswers(answers, TaskContext.silent());
            assertThat(report.stored()).isEqualTo(10);
            assertThat(report.problems()).hasSize(6);
            assertThat(report.problems().get(0)).startsWith("line 11: malformed JSON (");
            assertThat(report.problems().get(1)).isEqualTo("line 12: duplicate custom_id '" + id0 + "' (first on line 1)");
            assertThat(report.problems().get(2)).startsWith("line 13: answer for '" + id10 + "' failed validation: ");
            assertThat(report.problems().get(3)).isEqualTo("line 14: unknown custom_id '" + id10.replaceFirst(":s\\d+:", ":s999999:")
                    + "' (no sample 999999 in this project)");
            assertThat(report.problems().get(4)).isEqualTo("line 15: custom_id '" + otherId + "' is an answer for another project");
            assertThat(report.problems().get(5)).isEqualTo("line 16: unknown custom_id 'request-1' (not one this program exports)");
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation")).isEqualTo(10);
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation WHERE status = 'ok' AND generator = "
                    + "'openai-compatible' AND model = 'qwen'")).isEqualTo(10);
            assertThat(TableSnapshot.count(other.database(), "SELECT COUNT(*) FROM explanation")).isZero();

            // The missing six are exported again; answering them and re-importing everything completes the run.
            Path again = tmp.resolve("again.jsonl");
            assertThat(batch(p).export(again, TaskContext.silent())).isEqualTo(6);
            List<String> all = new ArrayList<>(out.subList(0, 10));
            for (String l : Files.readAllLines(again)) {
                JsonNode r = json.readTree(l);
                all.add(answerLine(r.path("custom_id").asText(),
                        LoopbackOllamaServer.answerFor(r.path("body").path("messages").path(0).path("content").asText())));
            }
            Files.write(answers, all);
            BatchFile.ImportReport rerun = batch(p).importAnswers(answers, TaskContext.silent());
            assertThat(List.of(rerun.stored(), rerun.alreadyStored(), (long) rerun.problems().size())).containsExactly(6L, 10L, 0L);
            assertThat(TableSnapshot.count(p.database(), "SELECT COUNT(*) FROM explanation WHERE status = 'ok'")).isEqualTo(16);
            assertThat(batch(p).export(again, TaskContext.silent())).isZero();
        }
    }
}
