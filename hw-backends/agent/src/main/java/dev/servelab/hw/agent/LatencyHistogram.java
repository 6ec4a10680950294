package dev.servelab.hw.agent;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A Prometheus histogram of seconds with fixed upper bounds: cumulative {@code _bucket{le=...}}
 * counts, {@code _sum} and {@code _count}, safe to observe from many handler threads at once.
 * The bounds are vLLM's, so dashboards and alerts written for vLLM's histograms read these unchanged.
 */
final class LatencyHistogram {
    /** vLLM's {@code vllm:time_to_first_token_seconds} bounds. */
    static final double[] TTFT_BOUNDS = {0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5,
        5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0};
    /** vLLM's {@code vllm:time_per_output_token_seconds} bounds. */
    static final double[] TPOT_BOUNDS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0,
        7.5, 10.0, 20.0, 40.0, 80.0};
    /** vLLM's {@code vllm:e2e_request_latency_seconds} bounds. */
    static final double[] E2E_BOUNDS = {0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0,
        120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0};

    private final double[] bounds;
    private final AtomicLongArray counts;
    private final DoubleAdder sum = new DoubleAdder();

    LatencyHistogram(double[] bounds) {
        this.bounds = bounds.clone();
        this.counts = new AtomicLongArray(bounds.length + 1);
    }

    void observe(double seconds) {
        int i = 0;
        while (i < bounds.length && seconds > bounds[i]) i++;
        counts.incrementAndGet(i);
        sum.add(seconds);
    }

    /** Appends the histogram's lines ({@code labels} like {@code model_name="tiny"}, without braces). */
    void write(StringBuilder sb, String name, String help, String labels) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" histogram\n");
        long cumulative = 0;
        for (int i = 0; i <= bounds.length; i++) {
            cumulative += counts.get(i);
            String le = i < bounds.length ? Double.toString(bounds[i]) : "+Inf";
            sb.append(name).append("_bucket{").append(labels).append(",le=\"").append(le).append("\"} ")
                    .append(cumulative).append('\n');
        }
        sb.append(name).append("_sum{").append(labels).append("} ").append(sum.sum()).append('\n');
        sb.append(name).append("_count{").append(labels).append("} ").append(cumulative).append('\n');
    }
}
