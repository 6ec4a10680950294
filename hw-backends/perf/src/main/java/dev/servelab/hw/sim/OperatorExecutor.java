package dev.servelab.hw.sim;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.profile.ProfileReader;
import dev.servelab.hw.perf.profile.ProfileTable;


/**
 * The full performance model as an executor: each iteration is decomposed into operators (QKV, attention
 * output, MLP or MoE experts, norms, RoPE, prefill and decode attention, LM head for emitting
 * sequences, sampling, tensor- and pipeline-parallel communication, CPU overhead), each timed by a
 * calibrated roofline or interpolated from a measured profile where one covers it. KV capacity
 * follows vLLM's memory model. In a pool with {@code speculative} a verify step (a decode entry of
 * {@code k + 1} tokens) is charged as decode attention reading its whole cache once, every linear
 * layer and the LM head on all {@code k + 1} rows, and the draft steps ({@link SpeculativeCost}). In a pool with
 * {@code lora} each layer adds the LoRA shrink and expand kernels (Punica's SGMV) and the adapter slots shrink
 * the KV cache ({@link LoraCost}). See {@code docs/FIDELITY.md} for its measured error.
 *
 * <p>Sources: Vidur (Agrawal et al., MLSys 2024) for the operator decomposition; vLLM for the memory
 * model; the roofline model (Williams et al., CACM 2009).
 */
@Plugin(id = "exec.operators", summary = "Simulated hardware: operator-level model, calibrated, profiles where measured",
        source = "Vidur (MLSys'24); Roofline (Williams et al., 2009)")
public final class OperatorExecutor implements Executor {
    public record Settings(
            @Setting(summary = "pipeline-parallel stages", min = 1) int pipelineParallel,
            @Setting(summary = "weight type: bf16, fp16, fp8, int8 or int4") String weightDtype,
            @Setting(summary = "KV cache type: bf16, fp16 or fp8") String kvDtype,
            @Setting(summary = "measured operator profile (JSON lines), empty for none") String profile,
            @Setting(summary = "gap charged per kernel inside an iteration", unit = "us", min = 0) double kernelLaunchUs,
            @Setting(summary = "CPU overhead per iteration", unit = "us", min = 0) double cpuOverheadUs,
            @Setting(summary = "CPU overhead per sequence in the batch", unit = "us", min = 0) double cpuPerSequenceUs,
            @Setting(summary = "expert-parallel degree of MoE layers: 1 (experts split over TP) or the TP degree",
                    min = 1) int expertParallel,
            @Setting(summary = "attention data-parallel over the TP devices, MoE tokens exchanged by all-to-all")
            boolean dataParallelAttention,
            @Setting(summary = "Zipf exponent of expert popularity (0 = uniform routing)", min = 0, max = 4)
            double expertSkew) {
        public Settings() {
            this(1, "bf16", "bf16", "", 4, 150, 1, 1, false, 0);
        }
    }

    private final Settings settings;
    private PerformanceModel pm;
    private ExecutorContext ctx;
    private final ShapeBuffer shapes = new ShapeBuffer();
    private double lastJoules = Double.NaN;
    private SpeculativeCost speculative;
    private LoraCost lora;

    public OperatorExecutor() {
        this(new Settings());
    }

    public OperatorExecutor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void attach(ExecutorContext context) {
        ctx = context;
        PerformanceModel m = CatalogLookup.model(context, settings.pipelineParallel(), settings.weightDtype(), settings.kvDtype(),
                        settings.expertParallel(), settings.dataParallelAttention(), settings.expertSkew())
                .withKernelLaunchNanos(settings.kernelLaunchUs() * 1e3)
                .withCpuOverhead(settings.cpuOverheadUs() * 1e3, settings.cpuPerSequenceUs() * 1e3);
        if (!settings.profile().isBlank()) {
            try {
                m = m.withProfile(new ProfileTable(ProfileReader.read(context.resolve(settings.profile()))));
            } catch (RuntimeException e) {
                throw new ServeLabException("profile: cannot use " + settings.profile() + ": " + e.getMessage(), e);
            }
        }
        pm = m;
        speculative = SpeculativeCost.of(context, m, settings.weightDtype(), settings.kvDtype());
        lora = LoraCost.of(context, m.model());
    }

    @Override
    public long loraAdapterBytes() {
        return lora == null ? -1 : lora.adapterBytes();
    }

    @Override
    public boolean supportsSpeculative() {
        return true;
    }

    @Override
    public long iterationNanos(IterationBatch b) {
        var shape = shapes.of(b);
        long ns = pm.iterationNanos(shape);
        if (speculative != null) ns += Math.round(speculative.operatorNanos(b, shape));
        if (lora != null) ns += Math.round(lora.operatorNanos(b, pm.timer(), ctx.tensorParallel()));
        lastJoules = pm.iterationJoules(ns);
        return Math.max(1, ns);
    }

    @Override
    public int kvCapacityBlocks(int blockSizeTokens) {
        return CatalogLookup.kvBlocks(pm, ctx, blockSizeTokens);
    }

    @Override
    public double kvBytesPerToken() {
        return pm.model().kvBytesPerToken(pm.deployment().kvDtype());
    }

    @Override
    public double lastIterationJoules() {
        return lastJoules;
    }
}
