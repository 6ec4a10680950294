package dev.servelab.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The human-readable result of {@code servelab run}, laid out like vLLM's {@code bench serve} report. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(PrintWriter out, Map<String, Object> s, Path db, boolean live) {
        String rule = "=".repeat(56);
        out.println(center(live ? " Serving Benchmark Result (live) " : " Serving Benchmark Result (simulated) ", rule.length()));
        row(out, "Run id (" + db + ")", s.get("run_id"));
        row(out, "Successful requests", s.get("completed"));
        row(out, "Rejected requests", s.get("rejected"));
        if (s.get("failed") != null) row(out, "Failed requests", s.get("failed"));
        row(out, "Benchmark duration (s)", s.get("duration"));
        row(out, "Total input tokens", s.get("total_input_tokens"));
        row(out, "Total generated tokens", s.get("total_output_tokens"));
        row(out, "Request throughput (req/s)", s.get("request_throughput"));
        if (s.get("request_goodput") != null) row(out, "Request goodput (req/s)", s.get("request_goodput"));
        row(out, "Output token throughput (tok/s)", s.get("output_throughput"));
        row(out, "Total token throughput (tok/s)", s.get("total_token_throughput"));
        section(out, "Time to First Token", "ttft", s);
        section(out, "Time per Output Token (excl. 1st token)", "tpot", s);
        section(out, "Inter-token Latency", "itl", s);
        section(out, "End-to-end Latency", "e2el", s);
        out.println(center(" Engine ", rule.length()));
        row(out, "Iterations", s.get("iterations"));
        row(out, "Mean batch size", s.get("mean_batch_size"));
        row(out, "Preemptions", s.get("preemptions"));
        row(out, "Prefix cache hit ratio", s.get("prefix_cache_hit_ratio"));
        row(out, "Peak KV usage", s.get("peak_kv_usage"));
        row(out, "Events", s.get("events"));
        row(out, live ? "Run wall time (s)" : "Simulation wall time (s)", s.get("sim_wall_s"));
        out.println(rule);
        out.flush();
    }

    private static void section(PrintWriter out, String title, String key, Map<String, Object> s) {
        out.println(center(" " + title + " ", 56));
        row(out, "Mean " + key.toUpperCase() + " (ms)", s.get("mean_" + key + "_ms"));
        row(out, "Median " + key.toUpperCase() + " (ms)", s.get("median_" + key + "_ms"));
        row(out, "P99 " + key.toUpperCase() + " (ms)", s.get("p99_" + key + "_ms"));
    }

    private static void row(PrintWriter out, String label, Object value) {
        String v = value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(value);
        out.printf(Locale.ROOT, "%-40s%16s%n", label + ":", v);
    }

    private static String center(String title, int width) {
        int pad = Math.max(0, width - title.length());
        return "-".repeat(pad / 2) + title + "-".repeat(pad - pad / 2);
    }
}
