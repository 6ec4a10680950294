package dev.servelab.hw.remote;

/**
 * What to do when an endpoint answers HTTP 429 (Too Many Requests) or 503 (Service Unavailable)
 * before streaming anything: try again up to {@code maxAttempts} in all, waiting {@code initialBackoffMs}
 * then multiplying by {@code multiplier} each time, capped at {@code maxBackoffMs}. A
 * {@code Retry-After} header in seconds (RFC 9110 §10.2.3) overrides the computed wait, still capped.
 * A stream that already delivered tokens is never retried (its tokens were recorded).
 */
public record RetryPolicy(int maxAttempts, long initialBackoffMs, double multiplier, long maxBackoffMs) {
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) throw new IllegalArgumentException("max attempts " + maxAttempts + " not in [1, 100]");
        if (initialBackoffMs < 0 || maxBackoffMs < initialBackoffMs) {
            throw new IllegalArgumentException("backoff " + initialBackoffMs + ".." + maxBackoffMs + " ms is not a range");
        }
        if (!(multiplier >= 1)) throw new IllegalArgumentException("backoff multiplier must be >= 1, was " + multiplier);
    }

    /** 4 attempts, 200 ms doubling up to 5 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, 200, 2.0, 5_000);
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, 0, 1, 0);
    }

    public static boolean isRetryable(int httpStatus) {
        return httpStatus == 429 || httpStatus == 503;
    }

    /** Wait before attempt {@code attempt + 1} (attempts count from 1); {@code retryAfterSeconds} < 0 when absent. */
    public long backoffMs(int attempt, long retryAfterSeconds) {
        if (retryAfterSeconds >= 0) {
            return Math.min(maxBackoffMs, retryAfterSeconds * 1000);
        }
        double ms = initialBackoffMs * Math.pow(multiplier, attempt - 1);
        return (long) Math.min(maxBackoffMs, ms);
    }
}
