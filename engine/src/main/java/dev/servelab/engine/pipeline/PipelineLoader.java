package dev.servelab.engine.pipeline;

import dev.servelab.engine.spi.KvOffload;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.MultiLora;
import dev.servelab.engine.spi.SpeculativeDecoding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a pipeline file (YAML, or JSON by extension), applies {@code --set} overrides, fills defaults
 * for everything left out, and checks types and ranges. Plugin ids and settings are checked when the
 * pipeline is built ({@link dev.servelab.engine.run.ClusterBuilder}). Every error names the file and
 * line (syntax) or the node and field (content).
 */
public final class PipelineLoader {
    public static final String DEFAULT_WORKLOAD = "workload.poisson";
    public static final String DEFAULT_ADMISSION = "admission.accept-all";
    public static final String DEFAULT_ROUTER = "route.round-robin";
    public static final String DEFAULT_SCHEDULER = "batch.continuous";
    public static final String DEFAULT_EVICTION = "kv.lru";
    public static final String DEFAULT_EXECUTOR = "exec.roofline";

    private PipelineLoader() {
    }

    public static PipelineSpec load(Path file, List<String> overrides) {
        ObjectNode tree = readTree(file);
        for (String o : overrides) Overrides.apply(tree, o);
        String fallbackName = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        try {
            return fromTree(tree, fallbackName, file.toAbsolutePath().getParent());
        } catch (ServeLabException e) {
            throw new ServeLabException(file + ": " + e.getMessage(), e);
        }
    }

    public static ObjectNode readTree(Path file) {
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        try {
            JsonNode n = mapper.readTree(Files.readString(file));
            if (n == null || n.isMissingNode() || n.isNull()) return JsonNodeFactory.instance.objectNode();
            if (!n.isObject()) throw new ServeLabException(file + ": a pipeline file must be a mapping at the top level");
            return (ObjectNode) n;
        } catch (NoSuchFileException e) {
            throw new ServeLabException(file + ": no such pipeline file");
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new ServeLabException(file + where + ": malformed pipeline: "
                    + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", "; ").strip());
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Builds a spec from an already-parsed tree (the workbench edits trees directly). */
    public static PipelineSpec fromTree(ObjectNode tree, String fallbackName, Path baseDir) {
        NodeReader r = new NodeReader(tree, "");
        String name = r.string("name", fallbackName);
        String description = r.string("description", "");
        long seed = r.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        NodeSpec workload = r.plugin("workload", DEFAULT_WORKLOAD);
        NodeSpec admission = r.plugin("admission", DEFAULT_ADMISSION);
        NodeSpec router = r.plugin("router", DEFAULT_ROUTER);
        List<PoolSpec> pools = new ArrayList<>();
        List<JsonNode> poolNodes = r.list("pools");
        if (poolNodes.isEmpty()) poolNodes = List.of(JsonNodeFactory.instance.objectNode());
        for (int i = 0; i < poolNodes.size(); i++) pools.add(pool(poolNodes.get(i), "pools[" + i + "]", i, baseDir));
        SloSpec slo = slo(r.raw("slo"));
        MetricsSpec metrics = metrics(r.raw("metrics"));
        ResilienceSpec resilience = ResilienceReader.read(r, pools);
        r.rejectUnknown();
        return new PipelineSpec(name, description, seed, workload, admission, router, List.copyOf(pools), slo, metrics,
                tree.deepCopy(), baseDir, resilience);
    }

    private static PoolSpec pool(JsonNode node, String path, int i, Path baseDir) {
        NodeReader r = new NodeReader(node, path);
        String kind = r.string("kind", PoolSpec.KIND_ENGINE);
        if (kind.equals(PoolSpec.KIND_REMOTE)) return RemotePoolReader.read(r, path, i);
        if (!kind.equals(PoolSpec.KIND_ENGINE)) {
            throw new ServeLabException(r.path("kind") + ": unknown pool kind '" + kind + "' (known: engine, remote)");
        }
        if (r.raw("endpoint") != null) {
            throw new ServeLabException(r.path("endpoint") + ": only a pool with 'kind: remote' has an endpoint");
        }
        String name = r.string("name", "pool-" + i);
        int replicas = (int) r.integer("replicas", 1, 1, 100_000);
        String model = r.string("model", "llama-3.1-8b");
        String hardware = r.string("hardware", "h100-sxm");
        int tp = (int) r.integer("tensor_parallel", 1, 1, 1024);
        int maxSeqs = (int) r.integer("max_num_seqs", 256, 1, 1_000_000);
        int maxTokens = (int) r.integer("max_num_batched_tokens", 8192, 1, 100_000_000);
        NodeSpec scheduler = r.plugin("scheduler", DEFAULT_SCHEDULER);
        KvCacheSpec kv = kvCache(r.raw("kv_cache"), r.path("kv_cache"));
        NodeSpec executor = r.plugin("executor", DEFAULT_EXECUTOR);
        SpeculativeDecoding speculative = SpeculativeReader.read(r.raw("speculative"), r.path("speculative"), baseDir);
        MultiLora lora = LoraReader.read(r.raw("lora"), r.path("lora"));
        PoolPrice.check(r);
        r.rejectUnknown();
        return new PoolSpec(path, name, replicas, model, hardware, tp, maxSeqs, maxTokens, scheduler, kv, executor, null,
                speculative, lora);
    }

    private static KvCacheSpec kvCache(JsonNode node, String path) {
        NodeReader r = new NodeReader(node, path);
        int blockSize = (int) r.integer("block_size", 16, 1, 1 << 20);
        int capacity = (int) r.integer("capacity_blocks", 0, 0, Integer.MAX_VALUE);
        boolean prefix = r.bool("prefix_caching", true);
        double util = r.number("gpu_memory_utilization", 0.9, 0.01, 1.0);
        NodeSpec eviction = r.plugin("eviction", DEFAULT_EVICTION);
        int cpuBlocks = (int) r.integer("cpu_tier_blocks", 0, 0, Integer.MAX_VALUE);
        double reloadMs = r.number("cpu_reload_ms_per_block", 0.084, 0, 1e6);
        double watermark = r.number("watermark_fraction", 0, 0, 0.99);
        double margin = r.number("memory_margin_fraction", 0, 0, 0.99);
        int maxModelLen = (int) r.integer("max_model_len", 0, 0, 100_000_000);
        KvOffload offload = KvOffloadReader.read(r);
        if (offload != null && offload.cpu() != null && cpuBlocks > 0) {
            throw new ServeLabException(r.path("cpu_tier_blocks") + ": set either cpu_tier_blocks (the simple CPU tier) or cpu_tier, not both");
        }
        r.rejectUnknown();
        return new KvCacheSpec(blockSize, capacity, prefix, util, eviction, cpuBlocks, reloadMs, watermark, margin, maxModelLen,
                offload);
    }

    private static SloSpec slo(JsonNode node) {
        NodeReader r = new NodeReader(node, "slo");
        SloSpec s = new SloSpec(r.optionalNumber("ttft_ms", 0, Double.MAX_VALUE), r.optionalNumber("tpot_ms", 0, Double.MAX_VALUE),
                r.optionalNumber("e2el_ms", 0, Double.MAX_VALUE));
        r.rejectUnknown();
        return s;
    }

    private static MetricsSpec metrics(JsonNode node) {
        NodeReader r = new NodeReader(node, "metrics");
        MetricsSpec d = MetricsSpec.DEFAULT;
        MetricsSpec m = new MetricsSpec(r.integer("bucket_ms", d.bucketMs(), 1, Long.MAX_VALUE / 1_000_000),
                (int) r.integer("token_sample_requests", d.tokenSampleRequests(), 0, Integer.MAX_VALUE),
                (int) r.integer("token_sample_stride", d.tokenSampleStride(), 0, Integer.MAX_VALUE));
        r.rejectUnknown();
        return m;
    }
}
