package dev.servelab.engine.spi;

/**
 * How a workload's clients send requests. Open loop ({@link #OPEN}): every request arrives at its own
 * time. Closed loop ({@code concurrency > 0}): at most {@code concurrency} requests are in flight; a
 * request whose time has come waits for a free slot and is sent the instant one frees (plus
 * {@code thinkNanos}), its arrival time becoming that instant, as {@code vllm bench serve
 * --max-concurrency} does with its semaphore. The first {@code warmupRequests} requests (ids
 * {@code 0 .. warmupRequests - 1}) are served but left out of the run's metrics.
 */
public record ClientLoop(int concurrency, long thinkNanos, long warmupRequests) {
    /** Every request at its own arrival time, nothing left out of the metrics. */
    public static final ClientLoop OPEN = new ClientLoop(0, 0, 0);

    public ClientLoop {
        if (concurrency < 0 || thinkNanos < 0 || warmupRequests < 0) {
            throw new IllegalArgumentException("concurrency, think time and warmup requests must be >= 0");
        }
    }

    /** Whether a concurrency limit applies. */
    public boolean isClosed() {
        return concurrency > 0;
    }

    /** This loop with at most {@code max} requests in flight (the smaller limit wins; {@code max} 0 changes nothing). */
    public ClientLoop capped(int max) {
        if (max <= 0) return this;
        return new ClientLoop(concurrency == 0 ? max : Math.min(concurrency, max), thinkNanos, warmupRequests);
    }

    /** Whether request {@code id} is a warmup request (served, not measured). */
    public boolean isWarmup(long id) {
        return id < warmupRequests;
    }
}
