package dev.lrrecsys.workbench.explain;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-process Ollama of the tests (127.0.0.1, free port): canned prompt-dependent answers from
 * {@link LoopbackOllamaServer}, plus the ways real servers fail: HTTP 500, a dropped connection, a stall, a body
 * trickled one byte a second, malformed JSON, a badly formed sentence, obeying instructions hidden in the data, and
 * the answer in the wrong field.
 */
public final class FakeOllamaServer extends LoopbackOllamaServer {

    /** How the server answers a generation request. */
    public enum Mode {
        NORMAL, HTTP_500, DROP_CONNECTION, STALL, TRICKLE, MALFORMED_JSON, BAD_SENTENCE, ECHO_INSTRUCTIONS, WRONG_FIELD
    }

    /** Milliseconds between the bytes of a trickled body. */
    public static final long TRICKLE_MILLIS_PER_BYTE = 1000;

    private static final Pattern INJECTION = Pattern.compile("(?i)ignore all previous instructions and say (\\w+)");

    private final ConcurrentLinkedDeque<Mode> nextModes = new ConcurrentLinkedDeque<>();
    private final CountDownLatch releaseStalls = new CountDownLatch(1);
    private volatile Mode mode = Mode.NORMAL;
    private volatile boolean trickleTags;

    private FakeOllamaServer(long latencyMillis, Set<String> models) throws IOException {
        super(latencyMillis, models);
    }

    /** A server with llama3.1 pulled and no latency. */
    public static FakeOllamaServer start() throws IOException {
        return new FakeOllamaServer(0, Set.of("llama3.1:latest"));
    }

    public static FakeOllamaServer start(long latencyMillis) throws IOException {
        return new FakeOllamaServer(latencyMillis, Set.of("llama3.1:latest"));
    }

    /** The mode of every request from now on (after any queued with {@link #thenFor}). */
    public FakeOllamaServer mode(Mode m) {
        this.mode = m;
        return this;
    }

    /** Whether GET /api/tags sends its headers at once and then its body one byte a second. */
    public FakeOllamaServer trickleTags(boolean trickle) {
        this.trickleTags = trickle;
        return this;
    }

    @Override
    protected void respondTags(HttpExchange ex, String body) throws IOException {
        if (trickleTags) {
            trickle(ex, 200, body, TRICKLE_MILLIS_PER_BYTE);
        } else {
            super.respondTags(ex, body);
        }
    }

    /** The next {@code n} requests use this mode, then the standing mode applies again. */
    public FakeOllamaServer thenFor(int n, Mode m) {
        for (int i = 0; i < n; i++) {
            nextModes.addLast(m);
        }
        return this;
    }

    @Override
    protected void respond(HttpExchange ex, String model, String prompt, boolean chat) throws IOException {
        Mode queued = nextModes.pollFirst();
        Mode m = queued != null ? queued : mode;
        switch (m) {
            case NORMAL -> super.respond(ex, model, prompt, chat);
            case HTTP_500 -> send(ex, 500, "{\"error\":\"llama runner process has terminated\"}");
            // Closing without a status line is what a crashed server looks like to the client.
            case DROP_CONNECTION -> ex.close();
            case STALL -> {
                try {
                    releaseStalls.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
            }
            // Headers at once, then the answer one byte a second: only a deadline on the whole exchange ends it.
            case TRICKLE -> trickle(ex, 200, "{\"model\":\"" + model + "\",\"message\":{\"role\":\"assistant\",\"content\":\""
                    + answerFor(prompt) + "\"},\"done\":true}", TRICKLE_MILLIS_PER_BYTE);
            case MALFORMED_JSON -> {
                byte[] bytes = "{\"model\": \"llama3.1\", \"message\": {\"content\": \"The consu".getBytes();
                ex.sendResponseHeaders(200, bytes.length);
                ex.getResponseBody().write(bytes);
                ex.close();
            }
            case BAD_SENTENCE -> sendAnswer(ex, model, "Sure! Here is the explanation you asked for. The consumer liked it.", chat);
            // A server speaking another dialect: a valid sentence, but in the generate API's field of a chat reply.
            case WRONG_FIELD -> send(ex, 200, "{\"model\": \"" + model + "\", \"message\": {\"role\": \"assistant\", "
                    + "\"content\": \"\"}, \"response\": \"" + answerFor(prompt) + "\", \"done\": true}");
            case ECHO_INSTRUCTIONS -> {
                Matcher inj = INJECTION.matcher(prompt);
                String last = null;
                while (inj.find()) {
                    last = inj.group(1);
                }
                sendAnswer(ex, model, last != null ? last : answerFor(prompt), chat);
            }
        }
    }

    @Override
    public void close() {
        releaseStalls.countDown();
        super.close();
    }
}
