package dev.lrrecsys.workbench.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.store.BatchKeyRepository;
import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.ExplanationInputRepository;
import dev.lrrecsys.workbench.store.ExplanationInputRepository.SampleRef;
import dev.lrrecsys.workbench.store.ExplanationRepository;
import dev.lrrecsys.workbench.store.ExplanationRepository.ExplanationRow;
import dev.lrrecsys.workbench.store.PromptCacheRepository;
import dev.lrrecsys.workbench.store.PromptCacheRepository.CachedAnswer;
import dev.lrrecsys.workbench.task.TaskContext;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batch files for clusters and hosted batch APIs: exports the prompts still missing as OpenAI Batch API request
 * lines ({@code /v1/chat/completions} bodies; vLLM's {@code run-batch} reads the same), and imports a batch
 * output file, validating every answer exactly as live generation does ({@link SentenceValidator}) and storing
 * the valid ones resumably as explanations of generator {@value #GENERATOR} and the given model. A custom_id
 * reads {@code lrw:<project key>:s<sample id>:<side>:v<template version>}.
 */
public final class BatchFile {

    /** Batch answers are stored as what they are: answers of an OpenAI-compatible server. */
    public static final String GENERATOR = "openai-compatible";
    private static final Pattern CUSTOM_ID = Pattern.compile("lrw:([0-9a-f]+):s(\\d+):([a-z-]+):v(\\d+)");
    private static final int PAGE = 500;
    private static final int COMMIT_EVERY = 500;

    /** What an import did; {@code problems} are "line N: what" in file order. */
    public record ImportReport(long lines, long stored, long alreadyStored, List<String> problems) {
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append("lines: ").append(lines).append('\n');
            b.append("stored: ").append(stored).append('\n');
            b.append("already stored: ").append(alreadyStored).append('\n');
            b.append("problems: ").append(problems.size());
            for (String p : problems) {
                b.append('\n').append(p);
            }
            return b.toString();
        }
    }

    private final Database db;
    private final Variant variant;
    private final LlmSettings llm;
    private final ObjectMapper json = new ObjectMapper();
    private final ExplanationInputRepository inputs = new ExplanationInputRepository();
    private final ExplanationRepository explanations = new ExplanationRepository();

    public BatchFile(Database db, Variant variant, LlmSettings llm) {
        this.db = db;
        this.variant = variant;
        this.llm = llm;
    }

    /** Writes one request line per prompt whose explanation is missing (or failed, or reused by a pool); returns the count. */
    public long export(Path file, TaskContext context) throws IOException {
        GenerationInputs world = GenerationInputs.load(db);
        if (db.read(inputs::sampleCount) == 0) {
            throw new WorkbenchException("The project has no samples yet: run `lrw samples` (or generate once) first.");
        }
        PromptBook book = PromptBook.loadStoringDefaults(db, world.domain());
        String key = db.inTransaction((Database.Work<String>) tx -> new BatchKeyRepository().findOrCreate(tx));
        long total = db.read(inputs::sampleCount);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            long after = Long.MIN_VALUE;
            long done = 0;
            while (true) {
                context.checkCancelled();
                long from = after;
                List<SampleRef> refs = db.read(tx -> inputs.page(tx, from, Long.MAX_VALUE, PAGE));
                if (refs.isEmpty()) {
                    break;
                }
                after = refs.get(refs.size() - 1).id();
                long first = refs.get(0).id();
                long last = after;
                Map<Long, Map<String, String>> stored = db.read(tx -> explanations.statuses(tx, variant.key(), GENERATOR,
                        llm.model(), first, last));
                for (SampleRef ref : refs) {
                    SampleContext c = null;
                    for (Side side : variant.sides()) {
                        String status = stored.getOrDefault(ref.id(), Map.of()).get(side.key());
                        if (status != null && !status.equals("failed") && !status.equals(ExplanationRepository.RETRIEVED)) {
                            continue;
                        }
                        if (c == null) {
                            c = world.context(ref);
                        }
                        Prompt p = book.render(variant, side, c, world.dataset().ratingMin(), world.dataset().ratingMax());
                        out.write(json.writeValueAsString(requestLine(key, ref.id(), side, p)));
                        out.write('\n');
                        written++;
                    }
                }
                done += refs.size();
                context.progress(done, total, "exported " + written + " requests");
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    private ObjectNode requestLine(String key, long sampleId, Side side, Prompt p) {
        ObjectNode line = json.createObjectNode();
        line.put("custom_id", "lrw:" + key + ":s" + sampleId + ":" + side.key() + ":v" + p.templateVersion());
        line.put("method", "POST");
        line.put("url", "/v1/chat/completions");
        ObjectNode body = line.putObject("body");
        body.put("model", llm.model());
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        message.put("content", p.text());
        body.put("temperature", llm.temperature());
        body.put("max_tokens", llm.maxTokens());
        return line;
    }

    /** Reads a batch output file; valid answers are stored (committed every {@value #COMMIT_EVERY}), the rest reported. */
    public ImportReport importAnswers(Path file, TaskContext context) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new WorkbenchException("Cannot read the batch file " + file + ": no such file.");
        }
        GenerationInputs world = GenerationInputs.load(db);
        PromptBook book = PromptBook.loadStoringDefaults(db, world.domain());
        SentenceValidator validator = new SentenceValidator(world.domain(), world.dataset().ratingMin(), world.dataset().ratingMax());
        String key = db.read(tx -> new BatchKeyRepository().find(tx));
        List<String> problems = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        List<Parsed> buffer = new ArrayList<>();
        long[] stored = {0};
        long already = 0;
        long lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo % 200 == 0) {
                    context.checkCancelled();
                    context.progress(lineNo, 0, "read " + lineNo + " lines");
                }
                if (line.isBlank()) {
                    continue;
                }
                Parsed p;
                try {
                    p = parse(line, lineNo, key, seen, world, book, validator);
                } catch (Problem e) {
                    problems.add("line " + lineNo + ": " + e.getMessage());
                    continue;
                }
                if (p == null) {
                    already++;
                    continue;
                }
                buffer.add(p);
                if (buffer.size() >= COMMIT_EVERY) {
                    store(buffer, stored);
                }
            }
        } finally {
            store(buffer, stored);
        }
        return new ImportReport(lineNo, stored[0], already, problems);
    }

    private record Parsed(long sampleId, Side side, Prompt prompt, String text, String previousStatus) {
    }

    /** A line that cannot be stored, and why. */
    private static final class Problem extends Exception {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    /** The answer of one line, null when it is already stored, or a {@link Problem}. */
    private Parsed parse(String line, long lineNo, String key, Map<String, Long> seen, GenerationInputs world, PromptBook book,
                         SentenceValidator validator) throws Problem {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new Problem("malformed JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ") + ")");
        }
        String id = node.path("custom_id").asText("");
        Matcher m = CUSTOM_ID.matcher(id);
        if (!m.matches()) {
            throw new Problem("unknown custom_id '" + id + "' (not one this program exports)");
        }
        if (key == null || !key.equals(m.group(1))) {
            throw new Problem("custom_id '" + id + "' is an answer for another project");
        }
        Long first = seen.putIfAbsent(id, lineNo);
        if (first != null) {
            throw new Problem("duplicate custom_id '" + id + "' (first on line " + first + ")");
        }
        long sampleId = Long.parseLong(m.group(2));
        Side side = variant.sides().stream().filter(s -> s.key().equals(m.group(3))).findFirst()
                .orElseThrow(() -> new Problem("unknown custom_id '" + id + "' (side " + m.group(3) + " is not one of the "
                        + variant.key() + " variant)"));
        List<SampleRef> refs = db.read(tx -> inputs.page(tx, sampleId - 1, sampleId, 1));
        if (refs.isEmpty()) {
            throw new Problem("unknown custom_id '" + id + "' (no sample " + sampleId + " in this project)");
        }
        Prompt prompt = book.render(variant, side, world.context(refs.get(0)), world.dataset().ratingMin(), world.dataset().ratingMax());
        int version = Integer.parseInt(m.group(4));
        if (prompt.templateVersion() == null || prompt.templateVersion() != version) {
            throw new Problem("custom_id '" + id + "' was made with template version " + version + ", the project's is now "
                    + prompt.templateVersion() + ": export the missing prompts again");
        }
        JsonNode error = node.path("error");
        int status = node.path("response").path("status_code").asInt(200);
        if (!error.isMissingNode() && !error.isNull() || status != 200) {
            throw new Problem("the batch reported no answer for '" + id + "' (" + (error.isMissingNode() || error.isNull()
                    ? "HTTP " + status : error.toString()) + ")");
        }
        JsonNode content = node.path("response").path("body").path("choices").path(0).path("message").path("content");
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new Problem("no answer text for '" + id + "' (response.body.choices[0].message.content)");
        }
        Map<Long, Map<String, String>> statuses = db.read(tx -> explanations.statuses(tx, variant.key(), GENERATOR, llm.model(),
                sampleId, sampleId));
        String previous = statuses.getOrDefault(sampleId, Map.of()).get(side.key());
        if ("ok".equals(previous)) {
            return null;
        }
        SentenceValidator.Verdict v = validator.check(content.asText(), side);
        if (!v.valid()) {
            throw new Problem("answer for '" + id + "' failed validation: " + v.reason());
        }
        return new Parsed(sampleId, side, prompt, v.text(), previous);
    }

    private void store(List<Parsed> buffer, long[] stored) {
        if (buffer.isEmpty()) {
            return;
        }
        List<ExplanationRow> inserts = new ArrayList<>();
        List<ExplanationRepository.Replacement> updates = new ArrayList<>();
        List<CachedAnswer> cache = new ArrayList<>();
        for (Parsed p : buffer) {
            ExplanationRow row = new ExplanationRow(p.sampleId(), variant.key(), p.side().key(), GENERATOR, llm.model(),
                    p.prompt().templateVersion(), p.prompt().hash(), "ok", p.text(), null);
            if (p.previousStatus() == null) {
                inserts.add(row);
            } else {
                updates.add(new ExplanationRepository.Replacement(row, p.previousStatus()));
            }
            cache.add(new CachedAnswer(p.prompt().hash(), p.prompt().templateVersion(), "ok", p.text(), null));
        }
        db.inTransaction(tx -> {
            explanations.save(tx, inserts, updates);
            new PromptCacheRepository().put(tx, GENERATOR, llm.model(), cache);
        });
        stored[0] += buffer.size();
        buffer.clear();
    }
}
