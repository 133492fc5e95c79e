package dev.lrrecsys.workbench.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BENCH AND TEST server, never part of a normal run: it speaks Ollama's API (/api/tags, /api/chat,
 * /api/generate, /api/embed) on 127.0.0.1 with a fixed latency and canned answers built from the prompt's
 * candidate field, so that `lrw bench generate` can measure the job's own overhead without an LLM.
 * Tests extend it with failure modes.
 */
public class LoopbackOllamaServer implements AutoCloseable {

    private static final Pattern OPENING = Pattern.compile("Begin your answer with exactly: \"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("<<<(CANDIDATE|PRODUCT)\\n(.*?)\\n>>>", Pattern.DOTALL);
    private static final Pattern NOUN = Pattern.compile("this (\\w+) (?:because|depends)");
    private static final Pattern SCALE = Pattern.compile("scale from (\\S+) to (\\S+?)\\.?\\s");

    protected final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<String> models;
    private final AtomicLong chatRequests = new AtomicLong();
    private volatile long latencyMillis;

    protected LoopbackOllamaServer(long latencyMillis, Set<String> models) throws IOException {
        this.latencyMillis = latencyMillis;
        this.models = Set.copyOf(models);
        // The JDK's server leaves Nagle's algorithm on, so each small reply waited for the client's delayed ACK
        // (about 40 ms a request, measured as a 0.82 ratio at 200 ms latency). Ollama's Go server sets
        // TCP_NODELAY, as this property makes the JDK's do; read when the server class initialises.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-ollama");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/api/tags", this::tags);
        server.createContext("/api/chat", ex -> generation(ex, true));
        server.createContext("/api/generate", ex -> generation(ex, false));
        server.createContext("/api/embed", this::embed);
        server.start();
    }

    /** Starts a server on a free port of 127.0.0.1 that has the given models pulled (e.g. "llama3.1:latest"). */
    public static LoopbackOllamaServer start(long latencyMillis, String... models) throws IOException {
        return new LoopbackOllamaServer(latencyMillis, Set.of(models));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void setLatencyMillis(long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    /** How many /api/chat and /api/generate requests arrived. */
    public long generationRequests() {
        return chatRequests.get();
    }

    private void tags(HttpExchange ex) throws IOException {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("models");
        for (String m : models) {
            list.addObject().put("name", m).put("model", m).put("modified_at", Instant.EPOCH.toString()).put("size", 1);
        }
        respondTags(ex, root.toString());
    }

    /** Answers GET /api/tags with the list of models; tests override it to fail. */
    protected void respondTags(HttpExchange ex, String body) throws IOException {
        send(ex, 200, body);
    }

    private void generation(HttpExchange ex, boolean chat) throws IOException {
        chatRequests.incrementAndGet();
        JsonNode body = json.readTree(ex.getRequestBody());
        String model = body.path("model").asText();
        String prompt;
        if (chat) {
            JsonNode messages = body.path("messages");
            prompt = messages.size() == 0 ? "" : messages.get(messages.size() - 1).path("content").asText();
        } else {
            prompt = body.path("prompt").asText();
        }
        pause(latencyMillis);
        if (!isPulled(model)) {
            send(ex, 404, json.createObjectNode().put("error", "model \"" + model + "\" not found, try pulling it first").toString());
            return;
        }
        respond(ex, model, prompt, chat);
    }

    /** Answers one generation request; tests override it to fail in the ways real servers do. */
    protected void respond(HttpExchange ex, String model, String prompt, boolean chat) throws IOException {
        sendAnswer(ex, model, answerFor(prompt), chat);
    }

    protected final void sendAnswer(HttpExchange ex, String model, String text, boolean chat) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("model", model).put("created_at", Instant.now().toString());
        if (chat) {
            root.putObject("message").put("role", "assistant").put("content", text);
        } else {
            root.put("response", text);
        }
        root.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", 30);
        send(ex, 200, root.toString());
    }

    private boolean isPulled(String model) {
        return models.contains(model) || models.contains(model + ":latest");
    }

    private void embed(HttpExchange ex) throws IOException {
        JsonNode body = json.readTree(ex.getRequestBody());
        JsonNode input = body.path("input");
        List<String> texts = new java.util.ArrayList<>();
        if (input.isArray()) {
            input.forEach(n -> texts.add(n.asText()));
        } else {
            texts.add(input.asText());
        }
        ObjectNode root = json.createObjectNode().put("model", body.path("model").asText());
        ArrayNode embeddings = root.putArray("embeddings");
        for (String t : texts) {
            ArrayNode v = embeddings.addArray();
            java.util.Random r = new java.util.Random(t.hashCode());
            for (int i = 0; i < 8; i++) {
                v.add(r.nextGaussian());
            }
        }
        send(ex, 200, root.toString());
    }

    /**
     * A valid answer for the prompt: the required opening followed by words taken from the last candidate
     * field's attributes (never its name, so nothing a name says ends up in the answer).
     */
    public static String answerFor(String prompt) {
        String opening = lastGroup(OPENING.matcher(prompt), 1);
        if (opening == null) {
            return "I do not know what to answer.";
        }
        List<String> values = candidateValues(prompt);
        String first = values.isEmpty() ? "something new" : values.get(0);
        String second = values.size() > 1 ? values.get(1) : first;
        String noun = lastGroup(NOUN.matcher(opening), 1);
        if (opening.endsWith("because")) {
            return opening + " the consumer likes " + first + " and the " + noun + " offers " + second + ".";
        }
        if (opening.endsWith("depends on")) {
            return opening + " whether the consumer wants " + first + ".";
        }
        if (opening.startsWith("Aspects:")) {
            return opening + " " + String.join(", ", values.isEmpty() ? List.of(first) : values) + ".";
        }
        if (opening.startsWith("The consumer's history shows")) {
            return opening + " several choices with " + first + ".";
        }
        if (opening.startsWith("The predicted rating is")) {
            Matcher m = SCALE.matcher(prompt);
            return opening + " " + (m.find() ? m.group(2) : "1") + ".";
        }
        return opening + " offers " + first + "; consumers who like " + second + " would enjoy it.";
    }

    /** The attribute values of the last CANDIDATE or PRODUCT field (the example comes first, the input last). */
    protected static List<String> candidateValues(String prompt) {
        Matcher m = FIELD.matcher(prompt);
        String block = null;
        while (m.find()) {
            block = m.group(2);
        }
        List<String> values = new java.util.ArrayList<>();
        if (block == null) {
            return values;
        }
        for (String line : block.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith("name:") && !line.startsWith("profile:")) {
                values.add(line.substring(colon + 2).trim());
            }
        }
        return values;
    }

    private static String lastGroup(Matcher m, int group) {
        String out = null;
        while (m.find()) {
            out = m.group(group);
        }
        return out;
    }

    protected static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Sends the status and headers at once, then the body one byte every {@code millisPerByte}: a server that
     * answers but slowly, which the client's header timeout alone does not bound. Stops when the client goes.
     */
    protected static void trickle(HttpExchange ex, int status, String body, long millisPerByte) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        OutputStream out = ex.getResponseBody();
        try {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                pause(millisPerByte);
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
        } catch (IOException clientGone) {
            // The client gave up (its deadline), which is what the trickle is there to provoke.
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
