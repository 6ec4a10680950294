package dev.servelab.app.budget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.app.data.FxThreadGuard;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.memory.KvBudget;
import dev.servelab.hw.perf.memory.KvMemoryModel;
import dev.servelab.hw.perf.memory.MemorySettings;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.operator.Deployment;

import java.util.Locale;
import java.util.Map;

/**
 * One pool's memory budget per device, computed by the perf backend's {@link KvMemoryModel} from the
 * catalogs exactly as {@code servelab catalog --model M --hardware H --tp N} computes it (vLLM's defaults,
 * the pool's block size and {@code gpu_memory_utilization}): weights, activations, KV bytes and blocks,
 * and how many sequences of a given context length fit at once.
 *
 * @param model       the model id
 * @param hardware    the hardware id
 * @param tp          tensor-parallel degree
 * @param maxNumSeqs  the pool's {@code max_num_seqs} (the scheduler's cap)
 * @param maxModelLen the model's context window (tokens)
 * @param budget      the per-device budget
 */
public record PoolBudget(String model, String hardware, int tp, int maxNumSeqs, int maxModelLen, KvBudget budget) {
    private static final double GIB = 1024.0 * 1024 * 1024;

    /**
     * The budget of a pool node's settings ({@code model}, {@code hardware}, {@code tensor_parallel},
     * {@code max_num_seqs}, {@code kv_cache.block_size}, {@code kv_cache.gpu_memory_utilization}; the loader's
     * defaults where unset). Reads catalogs (and config files for custom models) and may benchmark
     * {@code this-cpu}: never on the JavaFX thread. Unknown ids throw the catalog's one-line error.
     */
    public static PoolBudget of(Map<String, JsonNode> pool) {
        FxThreadGuard.refuse("loading a model and hardware for the memory budget");
        String model = text(pool.get("model"), "llama-3.1-8b");
        String hardware = text(pool.get("hardware"), "h100-sxm");
        int tp = integer(pool.get("tensor_parallel"), 1);
        JsonNode kv = pool.get("kv_cache");
        int block = integer(kv == null ? null : kv.get("block_size"), 16);
        double util = kv != null && kv.path("gpu_memory_utilization").isNumber() ? kv.get("gpu_memory_utilization").asDouble() : 0.9;
        ModelSpec m = ModelCatalog.standard().get(model);
        HardwareSpec h = HardwareCatalog.standard().get(hardware);
        KvBudget b = KvMemoryModel.budget(m, h, Deployment.of(tp, 1), MemorySettings.vllmDefaults().withBlockSize(block).withUtilization(util));
        return new PoolBudget(m.id(), h.id(), tp, integer(pool.get("max_num_seqs"), 256), m.maxPositionEmbeddings(), b);
    }

    /** Sequences of {@code contextTokens} tokens whose KV blocks fit at once (vLLM allocates whole blocks). */
    public long sequencesThatFit(int contextTokens) {
        long perSeq = Math.max(1, (contextTokens + budget.blockSizeTokens() - 1) / budget.blockSizeTokens());
        return Math.max(0, budget.kvBlocks()) / perSeq;
    }

    /** The concurrent sequences at {@code contextTokens}: what fits, capped by {@code max_num_seqs}. */
    public long maxConcurrent(int contextTokens) {
        return Math.min(maxNumSeqs, sequencesThatFit(contextTokens));
    }

    /** The line {@code servelab catalog} prints for this pool. */
    public String catalogLine() {
        return String.format(Locale.ROOT, "%s on %s (tp %d, pp 1): weights %.2f GiB/device, activations %.2f GiB,"
                        + " KV %.2f GiB -> %d blocks of %d tokens (%d tokens)", model, hardware, tp, budget.weightBytesPerDevice() / GIB,
                budget.activationBytesPerDevice() / GIB, budget.kvBytesPerDevice() / GIB, budget.kvBlocks(), budget.blockSizeTokens(),
                budget.kvTokens());
    }

    private static String text(JsonNode n, String dflt) {
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : dflt;
    }

    private static int integer(JsonNode n, int dflt) {
        return n != null && n.canConvertToInt() ? n.asInt() : dflt;
    }
}
