package dev.servelab.hw.agent;

import java.util.concurrent.atomic.AtomicLong;

/** Counters the agent exports at {@code /metrics}; written by the scheduler and handlers, read by scrapes. */
final class AgentMetrics {
    final AtomicLong requestsTotal = new AtomicLong();
    final AtomicLong requestsFailed = new AtomicLong();
    final AtomicLong requestsSucceeded = new AtomicLong();
    final AtomicLong requestsRejected = new AtomicLong();
    final AtomicLong promptTokensTotal = new AtomicLong();
    final AtomicLong generatedTokensTotal = new AtomicLong();
    final AtomicLong iterationsTotal = new AtomicLong();
    final AtomicLong iterationNanosTotal = new AtomicLong();
    final AtomicLong batchedTokensTotal = new AtomicLong();
    final AtomicLong prefixHitTokensTotal = new AtomicLong();
    /** Wall-clock request latencies as vLLM's histograms define them, measured where the agent answers. */
    final LatencyHistogram timeToFirstToken = new LatencyHistogram(LatencyHistogram.TTFT_BOUNDS);
    final LatencyHistogram timePerOutputToken = new LatencyHistogram(LatencyHistogram.TPOT_BOUNDS);
    final LatencyHistogram e2eLatency = new LatencyHistogram(LatencyHistogram.E2E_BOUNDS);
}
