package dev.lrrecsys.workbench.explain;

import java.time.Duration;

/**
 * How often a timed-out or failed (HTTP 5xx, dropped, malformed) request is retried, with exponential
 * backoff starting at {@code firstDelay}; tests use millisecond delays.
 */
public record RetryPolicy(int retries, Duration firstDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500));

    public long delayMillis(int attempt) {
        return firstDelay.toMillis() << Math.min(attempt, 16);
    }
}
