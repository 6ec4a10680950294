/**
 * Run metrics with vLLM {@code bench serve} definitions and JSON keys (TTFT, TPOT, ITL, E2EL,
 * throughputs, goodput), percentiles from HdrHistogram, plus queueing delay, preemptions, prefix
 * cache hit ratio, batch size and KV usage.
 */
package dev.servelab.engine.metrics;
