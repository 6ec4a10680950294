package dev.servelab.engine.cli;

import dev.servelab.engine.metrics.MetricKey;
import dev.servelab.engine.metrics.RunSummary;
import dev.servelab.engine.run.RunOutcome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

import static dev.servelab.engine.metrics.MetricKey.*;

/** The human-readable result of {@code servelab run}, laid out like vLLM's {@code bench serve} report. */
final class SummaryTable {
    private static final int WIDTH = 56;

    private SummaryTable() {
    }

    static void print(PrintWriter out, RunOutcome outcome, Path db, boolean live) {
        RunSummary s = outcome.metrics();
        out.println(center(live ? " Serving Benchmark Result (live) " : " Serving Benchmark Result (simulated) "));
        row(out, "Run id (" + db + ")", outcome.runId());
        metrics(out, s, COMPLETED, REJECTED);
        metrics(out, s, FAILED);
        if (s.maxConcurrency() != null) metrics(out, s, MAX_CONCURRENCY);
        metrics(out, s, DURATION, TOTAL_INPUT_TOKENS, TOTAL_OUTPUT_TOKENS, REQUEST_THROUGHPUT);
        if (s.requestGoodput() != null) metrics(out, s, REQUEST_GOODPUT);
        metrics(out, s, OUTPUT_THROUGHPUT, TOTAL_TOKEN_THROUGHPUT, OUTPUT_THROUGHPUT_PER_GPU, TOKENS_PER_SECOND_PER_USER);
        section(out, "Time to First Token", s, MEAN_TTFT_MS, MEDIAN_TTFT_MS, P99_TTFT_MS);
        section(out, "Time per Output Token (excl. 1st token)", s, MEAN_TPOT_MS, MEDIAN_TPOT_MS, P99_TPOT_MS);
        section(out, "Inter-token Latency", s, MEAN_ITL_MS, MEDIAN_ITL_MS, P99_ITL_MS);
        section(out, "End-to-end Latency", s, MEAN_E2EL_MS, MEDIAN_E2EL_MS, P99_E2EL_MS);
        out.println(center(" Engine "));
        metrics(out, s, ITERATIONS, MEAN_BATCH_SIZE, PREEMPTIONS, PREFIX_CACHE_HIT_RATIO, PEAK_KV_USAGE);
        if (s.loraSwaps() != null) metrics(out, s, LORA_SWAPS);
        if (s.resilience() != null) {
            section(out, "Failures (retry/faults)", s, REQUESTS_RETRIED, KV_LOST_BLOCKS, KV_LOST_TOKENS);
            if (s.resilience().sloRecoveryS() != null) metrics(out, s, SLO_RECOVERY_S);
        }
        row(out, "Events", outcome.events());
        row(out, live ? "Run wall time (s)" : "Simulation wall time (s)", outcome.wallSeconds());
        out.println("=".repeat(WIDTH));
        out.flush();
    }

    private static void section(PrintWriter out, String title, RunSummary s, MetricKey... keys) {
        out.println(center(" " + title + " "));
        metrics(out, s, keys);
    }

    private static void metrics(PrintWriter out, RunSummary s, MetricKey... keys) {
        for (MetricKey k : keys) row(out, k.labelWithUnit(), k.read(s));
    }

    private static void row(PrintWriter out, String label, Object value) {
        String v = value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(value);
        out.printf(Locale.ROOT, "%-40s%16s%n", label + ":", v);
    }

    private static String center(String title) {
        int pad = Math.max(0, WIDTH - title.length());
        return "-".repeat(pad / 2) + title + "-".repeat(pad - pad / 2);
    }
}
