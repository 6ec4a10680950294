package dev.servelab.hw.sim;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.memory.MemorySettings;
import dev.servelab.hw.perf.memory.VidurMemoryPlanner;
import dev.servelab.hw.perf.model.Dtype;
import dev.servelab.hw.perf.model.ModelCatalog;

/** Resolves a pool's model and hardware ids against the catalogs, with errors naming the field. */
final class CatalogLookup {
    private CatalogLookup() {
    }

    static PerformanceModel model(ExecutorContext ctx, int pipelineParallel, String weightDtype, String kvDtype) {
        return model(ctx, pipelineParallel, weightDtype, kvDtype, 1, false, 0);
    }

    /** With the mixture-of-experts placement ({@code expert_parallel}, {@code data_parallel_attention}, skew). */
    static PerformanceModel model(ExecutorContext ctx, int pipelineParallel, String weightDtype, String kvDtype,
            int expertParallel, boolean dataParallelAttention, double expertSkew) {
        Deployment d = lookup("executor.expert_parallel", () -> new Deployment(ctx.tensorParallel(), pipelineParallel,
                dtype("weight_dtype", weightDtype), dtype("kv_dtype", kvDtype), expertParallel, dataParallelAttention,
                expertSkew));
        var model = lookup("model", () -> ModelCatalog.standard().get(ctx.model()));
        var hardware = lookup("hardware", () -> HardwareCatalog.standard().get(ctx.hardware()));
        noteFallback(ctx, hardware, d);
        return PerformanceModel.of(model, hardware, d);
    }

    /**
     * Says on stderr, once per pool (replica 0), when the pool's weight dtype asks for a matrix rate the
     * hardware lacks (fp8 weights on a device without fp8 units run at the bf16 rate).
     */
    static void noteFallback(ExecutorContext ctx, dev.servelab.hw.perf.hardware.HardwareSpec hardware, Deployment d) {
        String note = hardware.computeFallbackNote(d.computeDtype());
        if (note != null && ctx.replicaIndex() == 0) {
            System.err.println("servelab: note: pool " + ctx.poolName() + ": " + note);
        }
    }

    /** The draft model {@code draftId} on the pool's hardware and tensor parallelism (errors name {@code speculative.draft_model}). */
    static PerformanceModel draftModel(ExecutorContext ctx, String draftId, String weightDtype, String kvDtype) {
        Deployment d = new Deployment(ctx.tensorParallel(), 1, dtype("weight_dtype", weightDtype), dtype("kv_dtype", kvDtype));
        var model = lookup("speculative.draft_model", () -> ModelCatalog.standard().get(draftId));
        var hardware = lookup("hardware", () -> HardwareCatalog.standard().get(ctx.hardware()));
        return PerformanceModel.of(model, hardware, d);
    }

    /**
     * vLLM's sizing at the context's {@code gpu_memory_utilization}, or Vidur's when it sets a memory margin,
     * less the blocks a pool's {@code lora} adapter slots take ({@link LoraCost#blocksLost}).
     */
    static int kvBlocks(PerformanceModel pm, ExecutorContext ctx, int blockSizeTokens) {
        int blocks = kvBlocksWithoutLora(pm, ctx, blockSizeTokens);
        if (ctx.lora() == null) return blocks;
        long lost = new LoraCost(ctx.lora(), pm.model()).blocksLost(pm.model().kvBytesPerToken(pm.deployment().kvDtype()),
                blockSizeTokens);
        return (int) Math.max(0, blocks - lost);
    }

    private static int kvBlocksWithoutLora(PerformanceModel pm, ExecutorContext ctx, int blockSizeTokens) {
        if (ctx.memoryMarginFraction() > 0) {
            long blocks = VidurMemoryPlanner.blocks(pm.model(), pm.hardware(), pm.deployment(), ctx.memoryMarginFraction(),
                    ctx.maxModelLen(), blockSizeTokens);
            return (int) Math.min(Integer.MAX_VALUE, blocks);
        }
        long blocks = pm.kvBudget(MemorySettings.vllmDefaults().withBlockSize(blockSizeTokens)
                .withUtilization(ctx.gpuMemoryUtilization())).kvBlocks();
        return (int) Math.min(Integer.MAX_VALUE, blocks);
    }

    private static Dtype dtype(String field, String text) {
        try {
            return Dtype.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ServeLabException(field + ": " + e.getMessage());
        }
    }

    private static <T> T lookup(String field, java.util.function.Supplier<T> get) {
        try {
            return get.get();
        } catch (RuntimeException e) {
            throw new ServeLabException(field + ": " + e.getMessage(), e);
        }
    }
}
