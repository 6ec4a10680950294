package dev.servelab.engine.metrics;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every headline number of a run, defined once: its JSON key (vLLM {@code bench serve}'s name where
 * vLLM has the metric, ServeLab's own otherwise), a label and unit for people, which direction is
 * better, and how to read it from a {@link RunSummary}. The constants are in the order of the summary
 * JSON that {@code servelab run --json} prints and the run store keeps; the CLI, the store and the
 * workbench name metrics through this type instead of writing the keys out.
 */
public enum MetricKey {
    COMPLETED("completed", "Successful requests", "", Better.HIGHER, Source.VLLM, RunSummary::completed),
    REJECTED("rejected", "Rejected requests", "", Better.LOWER, Source.SERVELAB, RunSummary::rejected),
    /** Always in a new summary, as vLLM writes it ({@link RunSummary#failed()} is null only in one read from an older store). */
    FAILED("failed", "Failed requests", "", Better.LOWER, Source.VLLM, RunSummary::failed),
    DURATION("duration", "Benchmark duration", "s", Better.NEITHER, Source.VLLM, RunSummary::duration),
    TOTAL_INPUT_TOKENS("total_input_tokens", "Total input tokens", "", Better.NEITHER, Source.VLLM, RunSummary::totalInputTokens),
    TOTAL_OUTPUT_TOKENS("total_output_tokens", "Total generated tokens", "", Better.NEITHER, Source.VLLM, RunSummary::totalOutputTokens),
    REQUEST_THROUGHPUT("request_throughput", "Request throughput", "req/s", Better.HIGHER, Source.VLLM, RunSummary::requestThroughput),
    /** Null in a summary when the pipeline sets no SLO. */
    REQUEST_GOODPUT("request_goodput", "Request goodput", "req/s", Better.HIGHER, Source.VLLM, RunSummary::requestGoodput),
    OUTPUT_THROUGHPUT("output_throughput", "Output token throughput", "tok/s", Better.HIGHER, Source.VLLM, RunSummary::outputThroughput),
    TOTAL_TOKEN_THROUGHPUT("total_token_throughput", "Total token throughput", "tok/s", Better.HIGHER, Source.VLLM, RunSummary::totalTokenThroughput),
    /** Null in a summary of an open-loop run (vLLM writes null without {@code --max-concurrency}). */
    MAX_CONCURRENCY("max_concurrency", "Maximum request concurrency", "", Better.NEITHER, Source.VLLM, RunSummary::maxConcurrency),
    OUTPUT_THROUGHPUT_PER_GPU("output_throughput_per_gpu", "Output token throughput per GPU", "tok/s", Better.HIGHER,
            Source.SERVELAB, RunSummary::outputThroughputPerGpu),
    TOKENS_PER_SECOND_PER_USER("tokens_per_second_per_user", "Interactivity (1000 / mean TPOT)", "tok/s", Better.HIGHER,
            Source.SERVELAB, RunSummary::tokensPerSecondPerUser),
    MEAN_TTFT_MS("mean_ttft_ms", "Mean TTFT", "ms", Better.LOWER, Source.VLLM, s -> s.ttft().mean()),
    MEDIAN_TTFT_MS("median_ttft_ms", "Median TTFT", "ms", Better.LOWER, Source.VLLM, s -> s.ttft().median()),
    STD_TTFT_MS("std_ttft_ms", "Std TTFT", "ms", Better.NEITHER, Source.VLLM, s -> s.ttft().std()),
    P50_TTFT_MS("p50_ttft_ms", "P50 TTFT", "ms", Better.LOWER, Source.VLLM, s -> s.ttft().p50()),
    P90_TTFT_MS("p90_ttft_ms", "P90 TTFT", "ms", Better.LOWER, Source.VLLM, s -> s.ttft().p90()),
    P95_TTFT_MS("p95_ttft_ms", "P95 TTFT", "ms", Better.LOWER, Source.VLLM, s -> s.ttft().p95()),
    P99_TTFT_MS("p99_ttft_ms", "P99 TTFT", "ms", Better.LOWER, Source.VLLM, s -> s.ttft().p99()),
    MEAN_TPOT_MS("mean_tpot_ms", "Mean TPOT", "ms", Better.LOWER, Source.VLLM, s -> s.tpot().mean()),
    MEDIAN_TPOT_MS("median_tpot_ms", "Median TPOT", "ms", Better.LOWER, Source.VLLM, s -> s.tpot().median()),
    STD_TPOT_MS("std_tpot_ms", "Std TPOT", "ms", Better.NEITHER, Source.VLLM, s -> s.tpot().std()),
    P50_TPOT_MS("p50_tpot_ms", "P50 TPOT", "ms", Better.LOWER, Source.VLLM, s -> s.tpot().p50()),
    P90_TPOT_MS("p90_tpot_ms", "P90 TPOT", "ms", Better.LOWER, Source.VLLM, s -> s.tpot().p90()),
    P95_TPOT_MS("p95_tpot_ms", "P95 TPOT", "ms", Better.LOWER, Source.VLLM, s -> s.tpot().p95()),
    P99_TPOT_MS("p99_tpot_ms", "P99 TPOT", "ms", Better.LOWER, Source.VLLM, s -> s.tpot().p99()),
    MEAN_ITL_MS("mean_itl_ms", "Mean ITL", "ms", Better.LOWER, Source.VLLM, s -> s.itl().mean()),
    MEDIAN_ITL_MS("median_itl_ms", "Median ITL", "ms", Better.LOWER, Source.VLLM, s -> s.itl().median()),
    STD_ITL_MS("std_itl_ms", "Std ITL", "ms", Better.NEITHER, Source.VLLM, s -> s.itl().std()),
    P50_ITL_MS("p50_itl_ms", "P50 ITL", "ms", Better.LOWER, Source.VLLM, s -> s.itl().p50()),
    P90_ITL_MS("p90_itl_ms", "P90 ITL", "ms", Better.LOWER, Source.VLLM, s -> s.itl().p90()),
    P95_ITL_MS("p95_itl_ms", "P95 ITL", "ms", Better.LOWER, Source.VLLM, s -> s.itl().p95()),
    P99_ITL_MS("p99_itl_ms", "P99 ITL", "ms", Better.LOWER, Source.VLLM, s -> s.itl().p99()),
    MEAN_E2EL_MS("mean_e2el_ms", "Mean E2EL", "ms", Better.LOWER, Source.VLLM, s -> s.e2el().mean()),
    MEDIAN_E2EL_MS("median_e2el_ms", "Median E2EL", "ms", Better.LOWER, Source.VLLM, s -> s.e2el().median()),
    STD_E2EL_MS("std_e2el_ms", "Std E2EL", "ms", Better.NEITHER, Source.VLLM, s -> s.e2el().std()),
    P50_E2EL_MS("p50_e2el_ms", "P50 E2EL", "ms", Better.LOWER, Source.VLLM, s -> s.e2el().p50()),
    P90_E2EL_MS("p90_e2el_ms", "P90 E2EL", "ms", Better.LOWER, Source.VLLM, s -> s.e2el().p90()),
    P95_E2EL_MS("p95_e2el_ms", "P95 E2EL", "ms", Better.LOWER, Source.VLLM, s -> s.e2el().p95()),
    P99_E2EL_MS("p99_e2el_ms", "P99 E2EL", "ms", Better.LOWER, Source.VLLM, s -> s.e2el().p99()),
    MEAN_QUEUEING_DELAY_MS("mean_queueing_delay_ms", "Mean queueing delay", "ms", Better.LOWER, Source.SERVELAB, s -> s.queueingDelay().mean()),
    MEDIAN_QUEUEING_DELAY_MS("median_queueing_delay_ms", "Median queueing delay", "ms", Better.LOWER, Source.SERVELAB, s -> s.queueingDelay().median()),
    STD_QUEUEING_DELAY_MS("std_queueing_delay_ms", "Std queueing delay", "ms", Better.NEITHER, Source.SERVELAB, s -> s.queueingDelay().std()),
    P50_QUEUEING_DELAY_MS("p50_queueing_delay_ms", "P50 queueing delay", "ms", Better.LOWER, Source.SERVELAB, s -> s.queueingDelay().p50()),
    P90_QUEUEING_DELAY_MS("p90_queueing_delay_ms", "P90 queueing delay", "ms", Better.LOWER, Source.SERVELAB, s -> s.queueingDelay().p90()),
    P95_QUEUEING_DELAY_MS("p95_queueing_delay_ms", "P95 queueing delay", "ms", Better.LOWER, Source.SERVELAB, s -> s.queueingDelay().p95()),
    P99_QUEUEING_DELAY_MS("p99_queueing_delay_ms", "P99 queueing delay", "ms", Better.LOWER, Source.SERVELAB, s -> s.queueingDelay().p99()),
    ITERATIONS("iterations", "Iterations", "", Better.NEITHER, Source.SERVELAB, RunSummary::iterations),
    PREEMPTIONS("preemptions", "Preemptions", "", Better.LOWER, Source.SERVELAB, RunSummary::preemptions),
    PREFIX_CACHE_HIT_RATIO("prefix_cache_hit_ratio", "Prefix cache hit ratio", "", Better.HIGHER, Source.SERVELAB, RunSummary::prefixCacheHitRatio),
    /** Prompt tokens found in the GPU's own prefix cache; this and the next two only with tiered KV offload. */
    PREFIX_HIT_TOKENS_GPU("prefix_hit_tokens_gpu", "Prefix hit tokens from GPU", "", Better.NEITHER, Source.SERVELAB,
            s -> s.tierHits() == null ? null : s.tierHits().gpuTokens()),
    PREFIX_HIT_TOKENS_CPU("prefix_hit_tokens_cpu", "Prefix hit tokens from CPU tier", "", Better.NEITHER, Source.SERVELAB,
            s -> s.tierHits() == null ? null : s.tierHits().cpuTokens()),
    PREFIX_HIT_TOKENS_DISK("prefix_hit_tokens_disk", "Prefix hit tokens from disk tier", "", Better.NEITHER, Source.SERVELAB,
            s -> s.tierHits() == null ? null : s.tierHits().diskTokens()),
    MEAN_BATCH_SIZE("mean_batch_size", "Mean batch size", "", Better.NEITHER, Source.SERVELAB, RunSummary::meanBatchSize),
    PEAK_KV_USAGE("peak_kv_usage", "Peak KV usage", "", Better.NEITHER, Source.SERVELAB, RunSummary::peakKvUsage),
    ENERGY_J("energy_j", "Energy", "J", Better.LOWER, Source.SERVELAB, RunSummary::energyJ),
    JOULES_PER_OUTPUT_TOKEN("joules_per_output_token", "Energy per output token", "J/token", Better.LOWER, Source.SERVELAB,
            RunSummary::joulesPerOutputToken),
    /** Failed attempts sent again to another replica ({@code retry:}); this and the next three only with retry or faults. */
    REQUESTS_RETRIED("requests_retried", "Retried requests", "", Better.LOWER, Source.SERVELAB,
            s -> s.resilience() == null ? null : s.resilience().requestsRetried()),
    KV_LOST_BLOCKS("kv_lost_blocks", "KV blocks lost in crashes", "", Better.LOWER, Source.SERVELAB,
            s -> s.resilience() == null ? null : s.resilience().kvLostBlocks()),
    KV_LOST_TOKENS("kv_lost_tokens", "KV tokens lost in crashes", "", Better.LOWER, Source.SERVELAB,
            s -> s.resilience() == null ? null : s.resilience().kvLostTokens()),
    /** Null without SLOs. */
    SLO_RECOVERY_S("slo_recovery_s", "Time to recover SLO attainment", "s", Better.LOWER, Source.SERVELAB,
            s -> s.resilience() == null ? null : s.resilience().sloRecoveryS()),
    /** LoRA adapters loaded onto a GPU (into a free slot or replacing the least recently used); only with a pool's {@code lora}. */
    LORA_SWAPS("lora_swaps", "LoRA adapter loads", "", Better.LOWER, Source.SERVELAB, RunSummary::loraSwaps);

    /** Which way a change is an improvement. */
    public enum Better { LOWER, HIGHER, NEITHER }

    /** Whose definition the key follows: vLLM's {@code bench serve} result, or ServeLab's addition. */
    public enum Source { VLLM, SERVELAB }

    /** The metrics set side by side when runs are compared ({@code servelab runs compare}, the workbench's Runs view). */
    public static final List<MetricKey> COMPARED = List.of(COMPLETED, DURATION, REQUEST_THROUGHPUT, OUTPUT_THROUGHPUT,
            MEAN_TTFT_MS, MEDIAN_TTFT_MS, P99_TTFT_MS, MEAN_TPOT_MS, P99_TPOT_MS, MEAN_ITL_MS, P99_ITL_MS, MEAN_E2EL_MS,
            P99_E2EL_MS, REQUEST_GOODPUT, PREFIX_CACHE_HIT_RATIO, PREEMPTIONS);

    /** The simulation-against-live error table of {@code servelab compare-modes} and the workbench. */
    public static final List<MetricKey> SIM_VS_LIVE = List.of(MEAN_TTFT_MS, P99_TTFT_MS, MEAN_TPOT_MS, P99_TPOT_MS,
            MEAN_E2EL_MS, MEDIAN_E2EL_MS, P99_E2EL_MS, REQUEST_THROUGHPUT, OUTPUT_THROUGHPUT);

    private final String key;
    private final String label;
    private final String unit;
    private final Better better;
    private final Source source;
    private final Function<RunSummary, Number> reader;

    MetricKey(String key, String label, String unit, Better better, Source source, Function<RunSummary, Number> reader) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.better = better;
        this.source = source;
        this.reader = reader;
    }

    /** The JSON key, e.g. {@code mean_ttft_ms}. */
    public String key() {
        return key;
    }

    /** A label for people, e.g. {@code Mean TTFT}. */
    public String label() {
        return label;
    }

    /** The unit ({@code ms}, {@code req/s}, ...), empty for ratios and counts. */
    public String unit() {
        return unit;
    }

    /** The label with its unit, e.g. {@code Mean TTFT (ms)}, as the CLI's result table shows it. */
    public String labelWithUnit() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }

    public Better better() {
        return better;
    }

    public boolean lowerIsBetter() {
        return better == Better.LOWER;
    }

    public Source source() {
        return source;
    }

    /** Whether the value is a count (written as a JSON integer) rather than a measurement. */
    public boolean integral() {
        return switch (this) {
            case COMPLETED, REJECTED, FAILED, TOTAL_INPUT_TOKENS, TOTAL_OUTPUT_TOKENS, ITERATIONS, PREEMPTIONS,
                 REQUESTS_RETRIED, KV_LOST_BLOCKS, KV_LOST_TOKENS, MAX_CONCURRENCY, LORA_SWAPS, PREFIX_HIT_TOKENS_GPU,
                 PREFIX_HIT_TOKENS_CPU, PREFIX_HIT_TOKENS_DISK -> true;
            default -> false;
        };
    }

    /** Whether the key is reported only for pipelines with a {@code retry:} policy or {@code faults:}. */
    public boolean resilience() {
        return this == REQUESTS_RETRIED || this == KV_LOST_BLOCKS || this == KV_LOST_TOKENS || this == SLO_RECOVERY_S;
    }

    /** Whether the key is reported only for pipelines with tiered KV offload (hit tokens by tier). */
    public boolean tiered() {
        return this == PREFIX_HIT_TOKENS_GPU || this == PREFIX_HIT_TOKENS_CPU || this == PREFIX_HIT_TOKENS_DISK;
    }

    /** This metric of {@code summary}: a {@code Long} for counts, a {@code Double} otherwise; null where the summary has none. */
    public Number read(RunSummary summary) {
        return reader.apply(summary);
    }

    /** The constant with JSON key {@code key}. */
    public static Optional<MetricKey> ofKey(String key) {
        for (MetricKey k : values()) if (k.key.equals(key)) return Optional.of(k);
        return Optional.empty();
    }
}
