package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.servelab.engine.pipeline.PoolSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * {@code GET /device}: what the agent runs on (architecture, OS, processors, memory), its model,
 * the pool it serves (name and plugin ids), KV capacity (blocks, block size, free blocks) and queue
 * depth (waiting, running), as JSON. The device registry stores it in the device profile.
 */
final class DeviceHandler implements HttpHandler {
    private final ServedPool pool;
    private final int contextLength;
    private final String description;
    private final AgentConfig config;
    private final String modelId;

    DeviceHandler(ServedPool pool, int contextLength, String description, AgentConfig config, String modelId) {
        this.pool = pool;
        this.contextLength = contextLength;
        this.description = description;
        this.config = config;
        this.modelId = modelId;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ObjectNode root = AgentJson.MAPPER.createObjectNode();
            root.put("agent", "servelab");
            ObjectNode hw = root.putObject("hardware");
            hw.put("arch", System.getProperty("os.arch"));
            hw.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            hw.put("cpus", Runtime.getRuntime().availableProcessors());
            hw.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                hw.put("memory_bytes", os.getTotalMemorySize());
            }
            hw.put("java", System.getProperty("java.version"));
            ObjectNode model = root.putObject("model");
            model.put("id", modelId);
            model.put("describe", description);
            model.put("context_length", contextLength);
            PoolSpec served = pool.pool().pool();
            ObjectNode p = root.putObject("pool");
            p.put("name", served.name());
            p.put("scheduler", served.scheduler().type());
            p.put("eviction", served.kvCache().eviction().type());
            p.put("executor", served.executor().type());
            ObjectNode kv = root.putObject("kv");
            kv.put("block_size_tokens", pool.blockSizeTokens());
            kv.put("blocks_total", pool.totalBlocks());
            kv.put("blocks_free", pool.freeBlocks());
            kv.put("token_capacity", pool.tokenCapacity());
            kv.put("prefix_caching", served.kvCache().prefixCaching());
            ObjectNode queue = root.putObject("queue");
            queue.put("waiting", pool.stream().waiting());
            queue.put("running", pool.stream().running());
            ObjectNode limits = root.putObject("limits");
            limits.put("max_num_seqs", served.maxNumSeqs());
            limits.put("max_num_batched_tokens", served.maxNumBatchedTokens());
            limits.put("max_waiting", config.maxWaiting());
            AgentJson.json(ex, 200, root);
        }
    }
}
