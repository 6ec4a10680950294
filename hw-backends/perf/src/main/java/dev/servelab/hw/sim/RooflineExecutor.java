package dev.servelab.hw.sim;

import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.ModelSpec;

/**
 * A whole-model roofline over the hardware and model catalogs: an iteration takes
 * {@code max(FLOPs / (peak · compute_efficiency), bytes / (bandwidth · memory_efficiency)) + overhead},
 * where FLOPs count the layers (2 · active parameters · tokens), causal attention (4 · layers ·
 * attention width · query-key pairs) and the LM head for emitting sequences, and bytes count the
 * weights read once plus every KV entry read or written. Tensor parallelism scales peak and
 * bandwidth by the degree (communication is ignored: use {@code exec.operators} for it). It costs a
 * few arithmetic operations per iteration, whatever the batch, so it suits very large sweeps; KV
 * capacity follows vLLM's memory model. In a pool with {@code speculative}, decode entries verify
 * {@code k + 1} tokens (the batch's totals count them), the LM head runs on every proposed position,
 * and the draft steps are added ({@link SpeculativeCost}). In a pool with {@code lora}, tokens that run with an
 * adapter add its FLOPs and every distinct adapter of the batch its bytes, and the adapter slots shrink the KV
 * cache ({@link LoraCost}).
 *
 * <p>Sources: the roofline model (Williams et al., CACM 2009); LLM inference arithmetic as in
 * "LLM Inference Unveiled: Survey and Roofline Model Insights" (Yuan et al., 2024).
 */
@Plugin(id = "exec.roofline", summary = "Simulated hardware: whole-model roofline over the catalogs (fast)",
        source = "Roofline (Williams et al., 2009)")
public final class RooflineExecutor implements Executor {
    public record Settings(
            @Setting(summary = "fraction of peak FLOP/s reached", min = 0.01, max = 1) double computeEfficiency,
            @Setting(summary = "fraction of peak memory bandwidth reached", min = 0.01, max = 1) double memoryEfficiency,
            @Setting(summary = "fixed per-iteration overhead (scheduling, launch, sampling)", unit = "ms", min = 0) double overheadMs,
            @Setting(summary = "weight type: bf16, fp16, fp8, int8 or int4") String weightDtype,
            @Setting(summary = "KV cache type: bf16, fp16 or fp8") String kvDtype) {
        public Settings() {
            this(0.6, 0.8, 0.5, "bf16", "bf16");
        }
    }

    private final Settings settings;
    private PerformanceModel pm;
    private ExecutorContext ctx;
    private double flopsPerNanos;
    private double bytesPerNanos;
    private double denseFlopsPerToken;
    private double attentionFlopsPerPair;
    private double headFlopsPerToken;
    private double weightBytes;
    private double kvBytesPerToken;
    private double watts;
    private double lastJoules = Double.NaN;
    private SpeculativeCost speculative;
    private LoraCost lora;

    public RooflineExecutor() {
        this(new Settings());
    }

    public RooflineExecutor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void attach(ExecutorContext context) {
        ctx = context;
        pm = CatalogLookup.model(context, 1, settings.weightDtype(), settings.kvDtype());
        ModelSpec m = pm.model();
        HardwareSpec h = pm.hardware();
        int tp = context.tensorParallel();
        flopsPerNanos = h.denseFlopsPerS(pm.deployment().weightDtype()) * tp * settings.computeEfficiency() / 1e9;
        bytesPerNanos = h.memoryBandwidthBytesPerS() * tp * settings.memoryEfficiency() / 1e9;
        long embedding = m.embeddingParams() * (m.tiedEmbeddings() ? 1 : 2);
        denseFlopsPerToken = 2.0 * (m.activeParameterCount() - embedding);
        attentionFlopsPerPair = 4.0 * m.numLayers() * m.attentionWidth();
        headFlopsPerToken = 2.0 * m.embeddingParams();
        weightBytes = m.parameterCount() * pm.deployment().weightDtype().bytesPerElement();
        kvBytesPerToken = m.kvBytesPerToken(pm.deployment().kvDtype());
        watts = h.tdpWatts() * tp;
        speculative = SpeculativeCost.of(context, pm, settings.weightDtype(), settings.kvDtype());
        lora = LoraCost.of(context, m);
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
        double flops = denseFlopsPerToken * (b.prefillTokens() + b.decodeTokens())
                + attentionFlopsPerPair * b.attentionPairs() + headFlopsPerToken * b.emittingSequences();
        boolean verifying = speculative != null && b.verifyingSequences() > 0;
        if (verifying) flops += headFlopsPerToken * b.proposedTokens();
        double bytes = weightBytes + kvBytesPerToken * b.kvTokensTouched();
        if (lora != null) {
            flops += lora.flops(b);
            bytes += lora.bytes(b);
        }
        double nanos = Math.max(flops / flopsPerNanos, bytes / bytesPerNanos) + settings.overheadMs() * 1e6;
        if (verifying) {
            nanos += speculative.rooflineDraftNanos(b, pm.model(), pm.deployment().weightDtype().bytesPerElement(),
                    pm.deployment().kvDtype().bytesPerElement(), flopsPerNanos, bytesPerNanos);
        }
        lastJoules = watts * nanos / 1e9;
        return Math.round(nanos);
    }

    @Override
    public int kvCapacityBlocks(int blockSizeTokens) {
        return CatalogLookup.kvBlocks(pm, ctx, blockSizeTokens);
    }

    @Override
    public double kvBytesPerToken() {
        return kvBytesPerToken;
    }

    @Override
    public double lastIterationJoules() {
        return lastJoules;
    }
}
