package dev.servelab.app.sla;

/**
 * What each headline metric means, in the words of vLLM's {@code benchmark_serving} (the definitions
 * ServeLab's summary follows), for the tooltips of the SLA view's table and charts.
 */
public final class MetricHelp {
    public static final String TTFT = "TTFT — time to first token: from the request's arrival to its first output token "
            + "(queueing + prefill). vLLM: ttft = first_token_time − start_time.";
    public static final String TPOT = "TPOT — time per output token, excluding the first: (E2EL − TTFT) / (output tokens − 1), "
            + "one value per request with at least two output tokens (vLLM's tpot).";
    public static final String ITL = "ITL — inter-token latency: every gap between two consecutive output tokens of a request, "
            + "pooled over all requests (vLLM's itls).";
    public static final String E2EL = "E2EL — end-to-end latency: from the request's arrival to its last output token (vLLM's latency).";
    public static final String REQUEST_THROUGHPUT = "Request throughput: completed requests / benchmark duration (req/s).";
    public static final String OUTPUT_THROUGHPUT = "Output token throughput: generated tokens / benchmark duration (tok/s).";
    public static final String TOTAL_THROUGHPUT = "Total token throughput: (input + generated tokens) / benchmark duration (tok/s).";
    public static final String GOODPUT = "Request goodput: completed requests that meet every SLO (TTFT, TPOT, E2EL as set) per second "
            + "of benchmark duration (vLLM's --goodput).";
    public static final String ATTAINMENT = "SLO attainment: the fraction of completed requests meeting every SLO (goodput / throughput).";
    public static final String PER_GPU = "Output tokens per second per GPU: output token throughput / GPUs of the run's pools "
            + "(replicas × tensor parallelism; remote pools not counted).";
    public static final String COST = "Cost as stored in the run's summary.";
    public static final String COMPLETED = "Requests that finished (vLLM's completed).";
    public static final String DURATION = "Benchmark duration: from the first arrival to the last completion (s).";

    private MetricHelp() {
    }
}
