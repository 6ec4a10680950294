package dev.servelab.engine.pipeline;

/**
 * One injected fault of the pipeline's {@code faults:} list, at {@code atNanos} of run time:
 * <ul>
 * <li>{@code crash}: replica {@code replica} drops its running and waiting requests (they fail, or are
 * retried per {@code retry:}) and its KV cache; it returns after {@code durationNanos}
 * ({@code restart_s}) with a cold cache;</li>
 * <li>{@code slowdown}: the replica's iterations take {@code factor} times as long for
 * {@code durationNanos} (a straggler);</li>
 * <li>{@code delay}: a remote replica's replies arrive {@code delayNanos} late for the window;</li>
 * <li>{@code partition}: a remote replica is cut off for the window (in-flight requests fail as
 * connection failures, it is unhealthy until the window ends);</li>
 * <li>{@code load-spike}: requests arrive {@code factor} times as fast during the window (the
 * workload's later requests are pulled forward; the request count is unchanged).</li>
 * </ul>
 * {@code replica} is -1 for the cluster-wide load spike. {@code path} names the node for messages.
 */
public record FaultSpec(String path, FaultKind kind, int replica, long atNanos, long durationNanos, double factor,
                        long delayNanos) {
    /** The kinds of injected fault, spelled in pipelines by {@link #key()}. */
    public enum FaultKind {
        CRASH, SLOWDOWN, DELAY, PARTITION, LOAD_SPIKE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static FaultKind ofKey(String key) {
            for (FaultKind k : values()) if (k.key().equals(key)) return k;
            return null;
        }
    }

    public long endNanos() {
        return atNanos + durationNanos;
    }

    /** A short line for the run's events, e.g. {@code slowdown x2.0 for 5.0 s}. */
    public String describe() {
        return switch (kind) {
            case CRASH -> "crash, restart after " + durationNanos / 1e9 + " s";
            case SLOWDOWN -> "slowdown x" + factor + " for " + durationNanos / 1e9 + " s";
            case DELAY -> "delay +" + delayNanos / 1e6 + " ms for " + durationNanos / 1e9 + " s";
            case PARTITION -> "partition for " + durationNanos / 1e9 + " s";
            case LOAD_SPIKE -> "load spike x" + factor + " for " + durationNanos / 1e9 + " s";
        };
    }
}
