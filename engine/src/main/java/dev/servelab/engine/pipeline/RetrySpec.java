package dev.servelab.engine.pipeline;

import dev.servelab.engine.model.FailureKind;

import java.util.Set;

/**
 * The pipeline's {@code retry:} policy: a request that fails on a replica with one of the kinds in
 * {@code on} is sent again, from its first token, to another healthy replica, up to
 * {@code maxAttempts} attempts in all (1 = no retry). Its arrival time stays the original one, so
 * the failed attempt's time is in its TTFT and E2EL.
 */
public record RetrySpec(int maxAttempts, Set<FailureKind> on) {
    /** No retry: every failure is final. */
    public static final RetrySpec NONE = new RetrySpec(1, Set.of());

    public RetrySpec {
        on = Set.copyOf(on);
    }

    public boolean enabled() {
        return maxAttempts > 1 && !on.isEmpty();
    }

    /** Whether a request that failed {@code attemptsSoFar} times with {@code kind} gets another attempt. */
    public boolean retries(FailureKind kind, int attemptsSoFar) {
        return attemptsSoFar < maxAttempts && on.contains(kind);
    }
}
