package dev.lrrecsys.workbench.explain;

import dev.langchain4j.exception.TimeoutException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A deadline on the whole of one HTTP exchange with an LLM server, the body included. The JDK client's
 * request timeout (which langchain4j's read timeout sets too) only bounds the wait for the response headers:
 * a server that sent its headers and then one byte a second kept a `--timeout 5` probe waiting for minutes,
 * and the eventual failure read as "cannot reach". Past the deadline the exchange is cancelled (the JDK client
 * aborts a request whose sending thread is interrupted) and a {@link TimeoutException} says "timed out after N s".
 */
final class RequestDeadline {

    // Threads that wait on the server for a caller that waits on the deadline; daemon, so a hung server never
    // keeps the JVM alive.
    private static final ExecutorService EXCHANGES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llm-request");
        t.setDaemon(true);
        return t;
    });

    private RequestDeadline() {
    }

    /** "timed out after 5 s" (or "after 1.5 s"): the words every timeout of a request ends with. */
    static String timedOut(Duration timeout) {
        long millis = timeout.toMillis();
        String seconds = millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
        return "timed out after " + seconds + " s";
    }

    /** Runs a langchain4j call (which blocks in the JDK client) and gives up on it at the deadline. */
    static <T> T call(Duration timeout, String what, Supplier<T> call) {
        Future<T> f = EXCHANGES.submit(call::get);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new TimeoutException(timedOut(timeout) + ": no complete answer to " + what);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Sends a request with the JDK client and waits for the whole response, body included, until the deadline.
     *
     * @throws TimeoutException when the response is not complete in time
     */
    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body,
                                    Duration timeout) throws IOException, InterruptedException {
        var f = client.sendAsync(request, body);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new TimeoutException(timedOut(timeout) + ": no complete answer to " + request.method() + " "
                    + request.uri().getPath());
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        }
    }
}
