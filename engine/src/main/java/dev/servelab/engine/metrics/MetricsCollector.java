package dev.servelab.engine.metrics;

import dev.servelab.engine.observe.LongList;
import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.spi.ClientLoop;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.pipeline.SloSpec;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.RunObserver;

/**
 * Computes a run's headline numbers with vLLM {@code bench serve} definitions: TTFT = arrival → first
 * token; TPOT = (E2EL − TTFT) / (output tokens − 1) per request with more than one output token;
 * ITL = every gap between consecutive tokens of a request; E2EL = arrival → last token; throughputs
 * over the benchmark duration (run start → the end of the last request, completed, failed or rejected,
 * as vLLM waits for every request); goodput = completed requests meeting every set SLO per second.
 * Also queueing delay, preemptions, prefix-cache hit ratio, batch size and KV usage. A failed request
 * (a remote stream that broke) is counted as {@code failed} (always reported, 0 included) and, as in
 * vLLM, left out of {@code completed}, the token totals and every latency statistic, ITL included
 * (replicas report a request's gaps only when it completes, see {@link RunObserver#onInterTokenGaps}).
 * TPOT divides by the tokens a request generated (equal to the requested output in simulation; a remote
 * server may stop early). Percentiles and medians interpolate linearly as numpy does; see
 * {@link LatencyStat} for the bound up to which they are exact. For a closed-loop workload
 * ({@link #measure}) the warmup requests are served but left out of every metric (their inter-token gaps
 * are taken back out of ITL), the duration starts at the first measured request's arrival, and
 * {@code max_concurrency} is reported.
 */
public final class MetricsCollector implements RunObserver {
    private final SloSpec slo;
    private static final long PARALLEL_SORT_VALUES = 200_000;
    final LatencyStat ttft = new LatencyStat();
    final LatencyStat tpot = new LatencyStat();
    final LatencyStat itl = new LatencyStat(LatencyStat.ITL_LIMIT);
    final LatencyStat e2el = new LatencyStat();
    final LatencyStat queueing = new LatencyStat();
    private long arrived;
    private long completed;
    private long rejected;
    private long failed;
    private long good;
    private long inputTokens;
    private long outputTokens;
    private long lastEndNanos;
    private long iterations;
    private long preemptions;
    private long batchSizeSum;
    private long lookupTokens;
    private long hitTokens;
    private long hitTokensCpu;
    private long hitTokensDisk;
    private boolean tiered;
    private double peakKvUsage;
    private double joules;
    private FaultMetrics faults;
    /** Adapter loads, counted only when a pool has {@code lora} (null in the summary otherwise). */
    private boolean countLora;
    private long loraSwaps;
    private ClientLoop clients = ClientLoop.OPEN;
    private int gpus = 1;
    private final LatencyStat warmupItl = new LatencyStat(LatencyStat.ITL_LIMIT);
    private long startNanos = -1;

    public MetricsCollector(SloSpec slo) {
        this.slo = slo;
    }

    /** How the run's clients send (closed loop, warmup) and the GPUs serving it, for the per-GPU throughput. */
    public void measure(ClientLoop clientLoop, int gpuCount) {
        this.clients = clientLoop;
        this.gpus = Math.max(1, gpuCount);
    }

    @Override
    public void onArrival(Request request, long nowNanos) {
        arrived++;
        if (startNanos < 0 && !clients.isWarmup(request.id())) startNanos = clients.warmupRequests() > 0 ? nowNanos : 0;
    }

    @Override
    public void onRejected(Request request, String reason, int replica, long nowNanos) {
        lastEndNanos = Math.max(lastEndNanos, nowNanos);
        if (!clients.isWarmup(request.id())) rejected++;
    }

    /** Reports {@code lora_swaps} (a pipeline with a pool's {@code lora}). */
    public void countLoraSwaps() {
        this.countLora = true;
    }

    /** Reports prefix hit tokens by tier ({@link KvTierHits}): a pipeline with tiered KV offload. */
    public void trackTiers() {
        this.tiered = true;
    }

    /** Reports retries, KV lost and SLO recovery from {@code f} (a pipeline with {@code retry:} or {@code faults:}). */
    public void trackFaults(FaultMetrics f) {
        this.faults = f;
    }

    @Override
    public void onFailed(SequenceRecord sequence, String reason, long nowNanos) {
        lastEndNanos = Math.max(lastEndNanos, nowNanos);
        if (!clients.isWarmup(sequence.request().id())) failed++;
        if (faults != null) faults.ended(nowNanos, false);
    }

    public long failed() {
        return failed;
    }

    @Override
    public void onFinished(SequenceRecord s, long nowNanos) {
        Request r = s.request();
        lastEndNanos = Math.max(lastEndNanos, nowNanos);
        if (clients.isWarmup(r.id())) {
            LongList t = s.tokenTimes();
            for (int i = 1; t != null && i < t.size(); i++) warmupItl.record(t.get(i) - t.get(i - 1));
            return;
        }
        long ttftNanos = s.firstTokenNanos() - r.arrivalNanos();
        long e2elNanos = s.finishNanos() - r.arrivalNanos();
        ttft.record(ttftNanos);
        e2el.record(e2elNanos);
        queueing.record(s.firstScheduledNanos() - r.arrivalNanos());
        double tpotNanos = 0;
        int generated = s.generatedTokens();
        if (generated > 1) {
            tpotNanos = (double) (e2elNanos - ttftNanos) / (generated - 1);
            tpot.record(tpotNanos, 1);
        }
        completed++;
        inputTokens += r.promptTokens();
        outputTokens += generated;
        boolean met = meetsSlo(ttftNanos / 1e6, tpotNanos / 1e6, e2elNanos / 1e6);
        if (met) good++;
        if (faults != null) faults.ended(nowNanos, met);
    }

    private boolean meetsSlo(double ttftMs, double tpotMs, double e2elMs) {
        return (slo.ttftMs() == null || ttftMs <= slo.ttftMs()) && (slo.tpotMs() == null || tpotMs <= slo.tpotMs())
                && (slo.e2elMs() == null || e2elMs <= slo.e2elMs());
    }

    @Override
    public void onInterTokenGaps(long gapNanos, int count) {
        itl.record(gapNanos, count);
    }

    @Override
    public void onIteration(IterationRecord it) {
        iterations++;
        preemptions += it.preemptions;
        batchSizeSum += it.batchSize;
        lookupTokens += it.lookupTokens;
        hitTokens += it.hitTokens;
        hitTokensCpu += it.hitTokensCpu;
        hitTokensDisk += it.hitTokensDisk;
        peakKvUsage = Math.max(peakKvUsage, (double) it.kvUsedBlocks / it.kvCapacityBlocks);
        if (!Double.isNaN(it.joules)) joules += it.joules;
        loraSwaps += it.loraSwaps;
    }

    public long completed() {
        return completed;
    }

    public long arrived() {
        return arrived;
    }

    public long iterations() {
        return iterations;
    }

    public long outputTokens() {
        return outputTokens;
    }

    /** The run's headline numbers now (vLLM definitions plus ServeLab's); the caller adds run id and wall time. */
    public RunSummary summary() {
        sortStats(ttft, tpot, itl, e2el, queueing);
        double duration = (lastEndNanos - Math.max(0, startNanos)) / 1e9;
        LatencySummary itlSummary = LatencySummary.of(warmupItl.count() == 0 ? itl : itl.without(warmupItl));
        double output = perSecond(outputTokens, duration);
        double meanTpot = tpot.meanMs();
        return new RunSummary(completed, rejected, failed, duration, inputTokens,
                outputTokens, perSecond(completed, duration), slo.isSet() ? perSecond(good, duration) : null,
                output, perSecond(inputTokens + outputTokens, duration),
                LatencySummary.of(ttft), LatencySummary.of(tpot), itlSummary, LatencySummary.of(e2el),
                LatencySummary.of(queueing), iterations, preemptions,
                lookupTokens == 0 ? 0.0 : (double) hitTokens / lookupTokens,
                iterations == 0 ? 0.0 : (double) batchSizeSum / iterations, peakKvUsage, joules,
                outputTokens == 0 ? 0.0 : joules / outputTokens,
                clients.isClosed() ? Long.valueOf(clients.concurrency()) : null, output / gpus,
                meanTpot > 0 ? 1000 / meanTpot : 0.0, faults == null ? null : faults.summary(),
                countLora ? Long.valueOf(loraSwaps) : null,
                tiered ? new KvTierHits(hitTokens - hitTokensCpu - hitTokensDisk, hitTokensCpu, hitTokensDisk) : null);
    }

    /**
     * Sorts the stats' exact values before they are summarised, in parallel when there are many (a 1M-request
     * run sorts four arrays of a million values: ~0.25 s on one core). Sorting gives the same order on any
     * thread, so the summary does not change.
     */
    private static void sortStats(LatencyStat... stats) {
        long values = 0;
        for (LatencyStat s : stats) values += s.exactSize();
        if (values < PARALLEL_SORT_VALUES) return;
        java.util.Arrays.stream(stats).parallel().forEach(LatencyStat::sort);
    }

    private static double perSecond(long n, double seconds) {
        return seconds <= 0 ? 0 : n / seconds;
    }
}
