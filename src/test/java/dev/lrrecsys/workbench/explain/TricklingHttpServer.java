package dev.lrrecsys.workbench.explain;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback server for any API (here OpenAI's /v1/models and /v1/chat/completions) that answers every request
 * with status 200 and its headers at once, then a JSON body one byte a second, until the client hangs up.
 */
final class TricklingHttpServer implements AutoCloseable {

    private static final String BODY = "{\"data\":[{\"id\":\"m\"}],\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"x\"}}]}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "trickling-http");
        t.setDaemon(true);
        return t;
    });

    TricklingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            OutputStream out = ex.getResponseBody();
            try {
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException clientGoneOrServerClosed) {
                // Nothing to finish: the point is that nobody waits for the end.
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
