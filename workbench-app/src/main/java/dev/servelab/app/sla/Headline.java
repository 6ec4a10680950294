package dev.servelab.app.sla;

import dev.servelab.app.data.RunHead;
import dev.servelab.app.data.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SLA view's headline table of one run, read from its stored summary alone (so it shows before the
 * run's details load): mean/p50/p90/p99 of TTFT, TPOT, ITL and E2EL, and the run's rates — throughput,
 * goodput and SLO attainment when SLOs are set, output tokens per second per GPU, cost when the summary
 * has one. Every value carries the key {@code servelab run --json} prints it under.
 *
 * @param title     the run in one line
 * @param latencies one row per latency metric
 * @param rates     the other numbers, in order
 */
public record Headline(String title, List<LatencyRow> latencies, List<Value> rates) {
    /** The percentile columns of a latency row, as in the summary's keys ({@code mean_ttft_ms}, {@code p50_ttft_ms}, ...). */
    public static final List<String> STATS = List.of("mean", "p50", "p90", "p99");

    /** One value: its summary key, a label, the formatted number, its unit and what it means. */
    public record Value(String key, String label, String text, String unit, String help) {
    }

    /** A latency metric's row: {@code values} in {@link #STATS} order. */
    public record LatencyRow(String metric, String help, List<Value> values) {
    }

    public static final Headline EMPTY = new Headline("No run loaded", List.of(), List.of());

    public static Headline of(RunHead h) {
        Summary s = h.summary();
        List<LatencyRow> rows = new ArrayList<>();
        rows.add(row(s, "TTFT", "ttft", MetricHelp.TTFT));
        rows.add(row(s, "TPOT", "tpot", MetricHelp.TPOT));
        rows.add(row(s, "ITL", "itl", MetricHelp.ITL));
        rows.add(row(s, "E2EL", "e2el", MetricHelp.E2EL));
        List<Value> rates = new ArrayList<>();
        rates.add(value(s, "completed", "Completed", "", MetricHelp.COMPLETED, "%.0f"));
        rates.add(value(s, "duration", "Duration", "s", MetricHelp.DURATION, "%.1f"));
        rates.add(value(s, "request_throughput", "Request throughput", "req/s", MetricHelp.REQUEST_THROUGHPUT, "%.2f"));
        rates.add(value(s, "output_throughput", "Output throughput", "tok/s", MetricHelp.OUTPUT_THROUGHPUT, "%.1f"));
        rates.add(value(s, "total_token_throughput", "Total token throughput", "tok/s", MetricHelp.TOTAL_THROUGHPUT, "%.1f"));
        if (h.slo().any()) {
            rates.add(value(s, "request_goodput", "Goodput", "req/s", MetricHelp.GOODPUT, "%.2f"));
            double good = s.get("request_goodput"), all = s.get("request_throughput");
            rates.add(new Value("slo_attainment", "SLO attainment", fmt(all > 0 ? 100 * good / all : Double.NaN, "%.2f"), "%",
                    MetricHelp.ATTAINMENT + " SLOs: " + h.slo().describe()));
        }
        int gpus = h.config().gpus();
        if (gpus > 0) {
            rates.add(new Value("output_throughput_per_gpu", "Output tok/s per GPU (" + gpus + ")",
                    fmt(s.get("output_throughput") / gpus, "%.1f"), "tok/s", MetricHelp.PER_GPU));
        }
        s.values().keySet().stream().filter(k -> k.contains("cost")).sorted()
                .forEach(k -> rates.add(value(s, k, costLabel(k), "USD", MetricHelp.COST, "%.4g")));
        String title = String.format(Locale.ROOT, "Run #%d %s · %s · SLOs: %s", h.info().runId(), h.info().name(),
                h.info().status().dbValue(), h.slo().any() ? h.slo().describe() : "none");
        return new Headline(title, List.copyOf(rows), List.copyOf(rates));
    }

    /** {@code cost_per_million_output_tokens_usd} → "Cost per million output tokens" (the unit goes in its column). */
    private static String costLabel(String key) {
        String words = key.replaceFirst("_usd$", "").replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static LatencyRow row(Summary s, String metric, String key, String help) {
        List<Value> v = new ArrayList<>();
        for (String stat : STATS) {
            String k = stat + "_" + key + "_ms";
            v.add(value(s, k, stat + " " + metric, "ms", help, null));
        }
        return new LatencyRow(metric, help, List.copyOf(v));
    }

    private static Value value(Summary s, String key, String label, String unit, String help, String format) {
        double x = s.get(key);
        return new Value(key, label, format == null ? ms(x) : fmt(x, format), unit, help);
    }

    /** A latency in ms: two decimals below 100 ms, one above; a dash when the summary has none. */
    static String ms(double v) {
        return fmt(v, Math.abs(v) < 100 ? "%.2f" : "%.1f");
    }

    static String fmt(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "—";
    }

    /** The value under {@code key}, or null. */
    public Value find(String key) {
        for (LatencyRow r : latencies) for (Value v : r.values()) if (v.key().equals(key)) return v;
        return rates.stream().filter(v -> v.key().equals(key)).findFirst().orElse(null);
    }
}
