package dev.servelab.hw.perf;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.IterationShape;
import dev.servelab.hw.perf.operator.OperatorCosts;
import dev.servelab.hw.perf.operator.Operator;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.memory.KvBudget;
import dev.servelab.hw.perf.memory.KvMemoryModel;
import dev.servelab.hw.perf.memory.MemorySettings;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.profile.ProfileTable;
import dev.servelab.hw.perf.roofline.OperatorClass;

/**
 * Predicts how long one iteration (one forward pass over a batch of prefill chunks and decode
 * tokens) takes on one replica, by adding up the operators of every layer as Vidur does (Agrawal
 * et al., MLSys 2024): per layer two RMSNorms, QKV, RoPE, prefill and decode attention, output
 * projection, the MLP (or router plus top-k experts), and two tensor-parallel all-reduces; per
 * iteration the embedding, LM head and sampling for the sequences that emit a token, pipeline
 * send/recv between stages and a CPU overhead. Each operator is the measured profile where one
 * covers the shape, the calibrated roofline elsewhere ({@link OperatorTimer}).
 *
 * <p>Instances are immutable; {@link #iterationNanos} is O(sequences) and allocation-free.
 * Residual adds are not counted: vLLM fuses them into RMSNorm ({@code fused_add_rms_norm}).
 */
public final class PerformanceModel {
    private final ModelSpec model;
    private final HardwareSpec hardware;
    private final Deployment deployment;
    private final ProfileTable profile;
    private final OperatorTimer timer;
    private final OperatorTimer isolatedTimer;
    private final OperatorTimer denseTimer;
    private final double attentionRanks;
    private final double cpuFixedNanos;
    private final double cpuPerSequenceNanos;
    private final double launchOverrideNanos;

    private PerformanceModel(ModelSpec model, HardwareSpec hardware, Deployment deployment, ProfileTable profile,
            double cpuFixedNanos, double cpuPerSequenceNanos, double launchOverrideNanos) {
        this.model = model;
        this.hardware = hardware;
        this.deployment = deployment;
        this.profile = profile;
        this.cpuFixedNanos = cpuFixedNanos;
        this.cpuPerSequenceNanos = cpuPerSequenceNanos;
        this.launchOverrideNanos = launchOverrideNanos;
        OperatorCosts costs = new OperatorCosts(model, deployment, hardware.calibrationOrDefault().prefillSquareFraction());
        this.timer = new OperatorTimer(costs, hardware, deployment, profile, launchOverrideNanos);
        this.isolatedTimer = new OperatorTimer(costs, hardware, deployment, profile, Double.NaN);
        this.denseTimer = model.isMoe() && model.denseLayers() > 0
                ? new OperatorTimer(OperatorCosts.denseLayers(model, deployment,
                        hardware.calibrationOrDefault().prefillSquareFraction()), hardware, deployment, profile,
                        launchOverrideNanos)
                : null;
        this.attentionRanks = deployment.attentionDataParallel();
    }

    /**
     * Defaults: a CPU overhead per iteration (scheduling, input preparation) of 150 us + 1 us per
     * sequence, and inside iterations a fixed cost per kernel of {@link #DEFAULT_KERNEL_GAP_NANOS}
     * in place of the calibrated launch overhead (see {@link #withKernelLaunchNanos}).
     */
    public static PerformanceModel of(ModelSpec model, HardwareSpec hardware, Deployment deployment) {
        return new PerformanceModel(model, hardware, deployment, null, 150_000, 1_000, DEFAULT_KERNEL_GAP_NANOS);
    }

    /**
     * Fixed cost per kernel inside an iteration by default, 4 us: kernels of one forward pass are
     * queued back to back (vLLM replays decode batches as CUDA graphs), so the gap between them,
     * not an isolated kernel's launch latency, is what an iteration pays.
     */
    public static final double DEFAULT_KERNEL_GAP_NANOS = 4_000;

    /** Looks both ids up in the standard catalogs. */
    public static PerformanceModel of(String modelId, String hardwareId, Deployment deployment) {
        return of(ModelCatalog.standard().get(modelId), HardwareCatalog.standard().get(hardwareId), deployment);
    }

    /** The same model, also interpolating measured profile points (checked to match this model's shapes). */
    public PerformanceModel withProfile(ProfileTable table) {
        ProfileMatch.check(table.profile(), new OperatorCosts(model, Deployment.of(table.profile().tensorParallel(), 1)),
                model.id());
        return new PerformanceModel(model, hardware, deployment, table, cpuFixedNanos, cpuPerSequenceNanos, launchOverrideNanos);
    }

    /** The same model with the roofline alone (no profile interpolation). */
    public PerformanceModel rooflineOnly() {
        return new PerformanceModel(model, hardware, deployment, null, cpuFixedNanos, cpuPerSequenceNanos, launchOverrideNanos);
    }

    public PerformanceModel withCpuOverhead(double fixedNanos, double perSequenceNanos) {
        return new PerformanceModel(model, hardware, deployment, profile, fixedNanos, perSequenceNanos, launchOverrideNanos);
    }

    /**
     * The same model with every kernel's fixed cost inside an iteration set to {@code nanos}
     * (default {@link #DEFAULT_KERNEL_GAP_NANOS}). Profiles time kernels one at a time, so the
     * calibrated launch overhead is an isolated kernel's (~20 us per kernel in eager PyTorch on the
     * H200); back-to-back kernels in a CUDA graph pay a few us. NaN charges the calibrated
     * overheads inside iterations too (an engine launching every kernel eagerly and synchronously).
     * {@link #operatorNanos} always charges the calibrated overhead, as a profiler sees it.
     */
    public PerformanceModel withKernelLaunchNanos(double nanos) {
        return new PerformanceModel(model, hardware, deployment, profile, cpuFixedNanos, cpuPerSequenceNanos, nanos);
    }

    public long iterationNanos(IterationShape s) {
        return iterationNanos(s.prefillCount(), s.prefillTokens(), s.prefillContext(), s.prefillEmits(),
                s.decodeCount(), s.decodeContext());
    }

    /** The iteration time in ns, rounded; see {@link IterationShape} for the arguments' meaning. */
    public long iterationNanos(int prefillCount, int[] prefillTokens, int[] prefillContext, boolean[] prefillEmits,
            int decodeCount, int[] decodeContext) {
        return Math.round(nanos(prefillCount, prefillTokens, prefillContext, prefillEmits, decodeCount, decodeContext,
                model.numLayers(), deployment.pipelineParallel() - 1, true));
    }

    /**
     * The time of the slowest pipeline stage (the last: {@code ceil(layers / pp)} layers, the LM
     * head, sampling, one send/recv) plus the CPU overhead, in ns: the interval at which a full
     * pipeline completes iterations. Equals {@link #iterationNanos(IterationShape)} without
     * pipeline parallelism.
     */
    public long bottleneckStageNanos(IterationShape s) {
        int pp = deployment.pipelineParallel();
        return Math.round(nanos(s.prefillCount(), s.prefillTokens(), s.prefillContext(), s.prefillEmits(),
                s.decodeCount(), s.decodeContext(), (model.numLayers() + pp - 1) / pp, pp > 1 ? 1 : 0, pp == 1));
    }

    private double nanos(int prefillCount, int[] prefillTokens, int[] prefillContext, boolean[] prefillEmits,
            int decodeCount, int[] decodeContext, int layers, int sends, boolean embedding) {
        double tokens = decodeCount;
        double emitting = decodeCount;
        double prefillBody = 0;
        for (int i = 0; i < prefillCount; i++) {
            tokens += prefillTokens[i];
            emitting += prefillEmits[i] ? 1 : 0;
            prefillBody += timer.prefillBodyNanos(prefillTokens[i], prefillContext[i]);
        }
        double totalContext = 0;
        for (int i = 0; i < decodeCount; i++) {
            totalContext += decodeContext[i];
        }
        if (tokens == 0) {
            return 0;
        }
        double attention = timer.decodeNanos(decodeCount / attentionRanks, totalContext / attentionRanks)
                + (prefillCount > 0 ? prefillBody / attentionRanks + timer.launchNanos(OperatorClass.ATTN_PREFILL) : 0);
        double layer = layerNanosWithoutAttention(timer, tokens) + attention;
        int dense = denseTimer == null ? 0 : denseLayersIn(layers);
        double body = dense == 0 ? layers * layer
                : (layers - dense) * layer + dense * (layerNanosWithoutAttention(denseTimer, tokens) + attention);
        return body
                + (embedding ? timer.nanos(Operator.EMBEDDING, tokens) : 0)
                + timer.nanos(Operator.RMS_NORM, tokens)
                + timer.nanos(Operator.LM_HEAD, emitting) + timer.logitsGatherNanos(emitting)
                + timer.nanos(Operator.SAMPLING, emitting)
                + sends * timer.nanos(Operator.SEND_RECV, tokens)
                + cpuFixedNanos + cpuPerSequenceNanos * (prefillCount + decodeCount);
    }

    /**
     * One decoder layer of this model over {@code batch} decode tokens whose contexts add up to
     * {@code totalContext}, as inside an iteration: what an EAGLE or MTP draft head (one layer)
     * costs per proposed token, before its LM head.
     */
    public double decodeLayerNanos(int batch, double totalContext) {
        return batch <= 0 ? 0 : layerNanosWithoutAttention(timer, batch) + timer.decodeNanos(batch, totalContext);
    }

    /**
     * The extra time of {@code extra} more rows in every layer's operators other than attention (and
     * the embedding and final norm) of an iteration already running {@code tokens} rows: the proposed
     * tokens a speculative verify step adds to the target's forward pass.
     */
    public double extraRowsNanos(double tokens, double extra) {
        if (extra <= 0) return 0;
        return model.numLayers() * (layerNanosWithoutAttention(timer, tokens + extra) - layerNanosWithoutAttention(timer, tokens))
                + timer.nanos(Operator.EMBEDDING, tokens + extra) - timer.nanos(Operator.EMBEDDING, tokens)
                + timer.nanos(Operator.RMS_NORM, tokens + extra) - timer.nanos(Operator.RMS_NORM, tokens);
    }

    /** Dense (non-MoE) layers among the {@code layers} timed: the model's first layers sit in the first stage. */
    private int denseLayersIn(int layers) {
        return layers == model.numLayers() ? model.denseLayers()
                : Math.max(0, model.denseLayers() - (model.numLayers() - layers));
    }

    /**
     * One layer's operators other than attention, over {@code tokens} rows of the replica. Under
     * data-parallel attention each device runs the attention-side operators on its {@code 1 / TP}
     * share of the rows, and the MLP exchanges tokens by two all-to-alls (expert parallelism) or
     * one all-reduce-sized gather/scatter (dense MLP) instead of the two TP all-reduces.
     */
    private double layerNanosWithoutAttention(OperatorTimer t, double tokens) {
        double rows = tokens / attentionRanks;
        double v = 2 * t.nanos(Operator.RMS_NORM, rows)
                + t.nanos(Operator.QKV, rows)
                + t.nanos(Operator.ROPE, rows)
                + t.nanos(Operator.ATTN_OUT, rows)
                + communicationNanos(t, tokens, rows)
                + t.nanos(Operator.MLP_UP_GATE, tokens)
                + t.nanos(Operator.ACTIVATION, tokens)
                + t.nanos(Operator.MLP_DOWN, tokens);
        return t == timer && model.isMoe() ? v + t.nanos(Operator.MOE_ROUTER, rows) : v;
    }

    private double communicationNanos(OperatorTimer t, double tokens, double rows) {
        if (!deployment.dataParallelAttention()) {
            return 2 * t.nanos(Operator.ALL_REDUCE, tokens);
        }
        return t.costs().expertParallel() > 1 ? 2 * t.nanos(Operator.ALL_TO_ALL, rows) : t.nanos(Operator.ALL_REDUCE, tokens);
    }

    /**
     * Where one iteration's time goes, per operator, in ns summed over the layers of the whole replica
     * (a diagnostic view of {@link #iterationNanos(IterationShape)}: the parts add up to it, the CPU
     * overhead and attention bodies under their own keys {@code cpu} and the attention operators).
     */
    public java.util.Map<String, Double> breakdown(IterationShape s) {
        java.util.Map<String, Double> parts = new java.util.LinkedHashMap<>();
        double tokens = s.totalTokens();
        double rows = tokens / attentionRanks;
        int layers = model.numLayers();
        int dense = denseTimer == null ? 0 : denseLayersIn(layers);
        for (Operator op : new Operator[] {Operator.RMS_NORM, Operator.QKV, Operator.ROPE, Operator.ATTN_OUT}) {
            parts.put(op.profileName(), (op == Operator.RMS_NORM ? 2 : 1) * layers * timer.nanos(op, rows));
        }
        if (!deployment.dataParallelAttention()) {
            parts.put("all_reduce", 2.0 * layers * timer.nanos(Operator.ALL_REDUCE, tokens));
        } else if (timer.costs().expertParallel() > 1) {
            parts.put("all_to_all", 2.0 * (layers - dense) * timer.nanos(Operator.ALL_TO_ALL, rows));
            parts.put("all_reduce", dense == 0 ? 0.0 : dense * denseTimer.nanos(Operator.ALL_REDUCE, tokens));
        } else {
            parts.put("all_reduce", (double) layers * timer.nanos(Operator.ALL_REDUCE, tokens));
        }
        for (Operator op : new Operator[] {Operator.MLP_UP_GATE, Operator.ACTIVATION, Operator.MLP_DOWN}) {
            parts.put(op.profileName(), (layers - dense) * timer.nanos(op, tokens)
                    + (dense == 0 ? 0 : dense * denseTimer.nanos(op, tokens)));
        }
        if (model.isMoe()) {
            parts.put("moe_router", (layers - dense) * timer.nanos(Operator.MOE_ROUTER, rows));
        }
        long total = iterationNanos(s);
        double counted = parts.values().stream().mapToDouble(Double::doubleValue).sum();
        parts.put("attention, head, sampling, cpu", total - counted);
        return parts;
    }

    /**
     * One operator of one layer on one device run alone, as a profiler times it (calibrated
     * launch overhead included), in ns: {@code tokens} rows for token-indexed operators and for
     * {@code attn_prefill} (one sequence after {@code context} cached tokens); {@code batch}
     * sequences over {@code context} cached tokens for {@code attn_decode}.
     */
    public double operatorNanos(Operator op, int tokens, int batch, int context) {
        OperatorTimer t = isolatedTimer;
        return switch (op) {
            case ATTN_DECODE -> t.decodeNanos(batch, (double) batch * context);
            case ATTN_PREFILL -> t.launchNanos(OperatorClass.ATTN_PREFILL) + t.prefillBodyNanos(tokens, context);
            default -> t.nanos(op, tokens);
        };
    }

    /** vLLM's KV-cache budget of one replica of this deployment: blocks, and where the memory goes. */
    public KvBudget kvBudget(MemorySettings settings) {
        return KvMemoryModel.budget(model, hardware, deployment, settings);
    }

    /** Energy of an iteration in joules: its time x the TDP of every device of the replica (an upper bound). */
    public double iterationJoules(long iterationNanos) {
        return iterationNanos * 1e-9 * hardware.tdpWatts() * deployment.devices();
    }

    /** Cost of an iteration in US dollars at the hardware's hourly price per device. */
    public double iterationCostUsd(long iterationNanos) {
        return iterationNanos * 1e-9 / 3600 * hardware.hourlyCostUsd() * deployment.devices();
    }

    public ModelSpec model() {
        return model;
    }

    public HardwareSpec hardware() {
        return hardware;
    }

    public Deployment deployment() {
        return deployment;
    }

    public boolean hasProfile() {
        return profile != null;
    }

    /** The operator timer iterations use (kernel cost per {@link #withKernelLaunchNanos}). */
    public OperatorTimer timer() {
        return timer;
    }
}
