package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * The pool an agent serves, as a one-pool, one-replica pipeline: either the default pool built from
 * the agent's flags, or the named (else the first engine) pool of a pipeline file, with that pool's
 * scheduler, KV cache (block size, prefix caching, eviction) and executor settings. The agent is one
 * device, so the pool runs one replica and the pipeline's router is replaced by
 * {@code route.round-robin}; its admission policy is kept. {@code --model} replaces the executor's
 * {@code model_file}, and a non-zero iteration floor sets its {@code min_iteration_ms}.
 *
 * <p>The default pool: {@code batch.continuous}, {@code kv.lru}, prefix caching on, 16-token blocks,
 * {@code max_num_seqs} 16 and {@code max_num_batched_tokens} 512 (each changed by its flag), and
 * {@code exec.jvm} with 64 MiB of KV cache and no warm-up rounds.
 */
record AgentPool(PipelineSpec spec, PoolSpec pool, Path modelFile) {
    static final String DEFAULT_SCHEDULER = "batch.continuous";
    static final String DEFAULT_EVICTION = "kv.lru";
    static final String EXECUTOR = "exec.jvm";

    /** The pool {@code config} asks for; a bad pipeline, pool name or pool kind is a {@link ServeLabException}. */
    static AgentPool resolve(AgentConfig config) {
        PipelineSpec spec = config.pipeline() == null
                ? PipelineLoader.fromTree(defaultTree(config), "agent", null)
                : PipelineLoader.load(config.pipeline(), List.of());
        PoolSpec pool = choose(spec, config);
        ObjectNode exec = pool.executor().settings().deepCopy();
        if (config.model() != null) exec.put("model_file", config.model().toAbsolutePath().toString());
        if (config.iterationFloorNanos() > 0) exec.put("min_iteration_ms", config.iterationFloorNanos() / 1e6);
        if (!exec.path("model_file").isTextual()) {
            throw new ServeLabException(where(config) + pool.executor().path() + ".model_file: not set; give it or --model");
        }
        Path model = spec.baseDir() == null ? Path.of(exec.get("model_file").asText())
                : spec.baseDir().resolve(exec.get("model_file").asText());
        NodeSpec executor = new NodeSpec(pool.executor().path(), pool.executor().type(), exec);
        PoolSpec one = new PoolSpec(pool.path(), pool.name(), 1, pool.model(), pool.hardware(), pool.tensorParallel(),
                pool.maxNumSeqs(), pool.maxNumBatchedTokens(), pool.scheduler(), pool.kvCache(), executor);
        NodeSpec router = new NodeSpec("router", PipelineLoader.DEFAULT_ROUTER, JsonNodeFactory.instance.objectNode());
        PipelineSpec served = new PipelineSpec(spec.name(), spec.description(), spec.seed(), spec.workload(),
                spec.admission(), router, List.of(one), spec.slo(), spec.metrics(), spec.resolved(), spec.baseDir());
        return new AgentPool(served, one, model);
    }

    private static PoolSpec choose(PipelineSpec spec, AgentConfig config) {
        String wanted = config.pool();
        for (PoolSpec p : spec.pools()) {
            if (wanted == null ? !p.isRemote() : p.name().equals(wanted)) {
                if (p.isRemote()) {
                    throw new ServeLabException(where(config) + p.path() + ": pool '" + p.name()
                            + "' is a remote pool; the agent serves an engine pool (its own replica)");
                }
                return p;
            }
        }
        List<String> names = spec.pools().stream().map(PoolSpec::name).toList();
        throw new ServeLabException(where(config) + (wanted == null ? "no engine pool to serve" : "no pool named '"
                + wanted + "'") + " (pools: " + String.join(", ", names) + ")");
    }

    private static String where(AgentConfig config) {
        return config.pipeline() == null ? "" : config.pipeline() + ": ";
    }

    private static ObjectNode defaultTree(AgentConfig c) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("name", "agent");
        ObjectNode pool = root.putArray("pools").addObject();
        pool.put("name", "agent").put("replicas", 1).put("max_num_seqs", c.maxNumSeqs())
                .put("max_num_batched_tokens", c.maxNumBatchedTokens()).put("scheduler", DEFAULT_SCHEDULER);
        pool.putObject("kv_cache").put("block_size", c.blockSizeTokens()).put("prefix_caching", c.prefixCaching())
                .put("eviction", DEFAULT_EVICTION);
        pool.putObject("executor").put("type", EXECUTOR).put("kv_budget_mib", Math.max(1, c.kvBudgetBytes() >> 20))
                .put("warmup_rounds", 0).put("warmup_ms", 0);
        return root;
    }
}
