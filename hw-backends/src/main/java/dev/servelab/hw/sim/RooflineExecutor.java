package dev.servelab.hw.sim;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;

/**
 * A whole-model roofline: an iteration takes {@code max(FLOPs / (peak · compute_efficiency),
 * bytes / (bandwidth · memory_efficiency)) + overhead}, where FLOPs count the dense layers
 * (2 · parameters · tokens), causal attention over the context and the LM head for emitting
 * sequences, and bytes count the weights read once plus every KV entry read and written. Tensor
 * parallelism scales peak and bandwidth by the degree (communication is ignored here; the
 * operator-level model accounts for it). KV capacity follows vLLM's memory model.
 *
 * <p>Sources: the roofline model (Williams et al., CACM 2009); LLM inference arithmetic as in
 * "LLM Inference Unveiled: Survey and Roofline Model Insights" (Yuan et al., 2024).
 */
@Plugin(id = "exec.roofline", summary = "Simulated hardware: whole-model roofline over FLOP/s and memory bandwidth",
        source = "Roofline (Williams et al., 2009)")
public final class RooflineExecutor implements Executor {
    public record Settings(
            @Setting(summary = "fraction of peak FLOP/s reached", min = 0.01, max = 1) double computeEfficiency,
            @Setting(summary = "fraction of peak memory bandwidth reached", min = 0.01, max = 1) double memoryEfficiency,
            @Setting(summary = "fixed per-iteration overhead (scheduling, launch, sampling)", unit = "ms", min = 0) double overheadMs,
            @Setting(summary = "activation memory reserved per GPU", unit = "GiB", min = 0) double activationReserveGib) {
        public Settings() {
            this(0.6, 0.8, 0.5, 1.5);
        }
    }

    private final Settings settings;
    private ModelShape model;
    private DeviceSpec device;
    private int tp;
    private double flopsPerNanos;
    private double bytesPerNanos;
    private double lastJoules = Double.NaN;

    public RooflineExecutor() {
        this(new Settings());
    }

    public RooflineExecutor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void attach(ExecutorContext ctx) {
        model = ModelShape.byId(ctx.model());
        device = DeviceSpec.byId(ctx.hardware());
        if (model == null) throw new ServeLabException("model: unknown model '" + ctx.model()
                + "' (known: " + String.join(", ", ModelShape.ids()) + ")");
        if (device == null) throw new ServeLabException("hardware: unknown hardware '" + ctx.hardware()
                + "' (known: " + String.join(", ", DeviceSpec.ids()) + ")");
        tp = ctx.tensorParallel();
        flopsPerNanos = device.bf16FlopsPerS() * tp * settings.computeEfficiency() / 1e9;
        bytesPerNanos = device.memoryBytesPerS() * tp * settings.memoryEfficiency() / 1e9;
        this.utilization = ctx.gpuMemoryUtilization();
    }

    private double utilization;

    @Override
    public long iterationNanos(IterationBatch batch) {
        double flops = 2.0 * model.denseParams() * (batch.prefillTokens() + batch.decodeTokens())
                + 4.0 * model.layers() * model.hidden() * batch.attentionPairs()
                + 2.0 * model.vocab() * model.hidden() * batch.emittingSequences();
        double kvTokensRead = batch.kvTokensTouched();
        double bytes = model.weightBytes() + kvTokensRead * model.kvBytesPerToken();
        double nanos = Math.max(flops / flopsPerNanos, bytes / bytesPerNanos) + settings.overheadMs() * 1e6;
        lastJoules = device.tdpWatts() * tp * nanos / 1e9;
        return Math.round(nanos);
    }

    @Override
    public int kvCapacityBlocks(int blockSizeTokens) {
        double perGpu = device.memoryBytes() * utilization - settings.activationReserveGib() * (1L << 30);
        double free = perGpu * tp - model.weightBytes();
        if (free <= 0) return 0;
        return (int) Math.min(Integer.MAX_VALUE, free / (model.kvBytesPerToken() * blockSizeTokens));
    }

    @Override
    public double lastIterationJoules() {
        return lastJoules;
    }
}
