package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * {@code GET /device}: what the agent runs on (architecture, OS, processors, memory), its model,
 * KV capacity (blocks, block size, free blocks) and queue depth (waiting, running), as JSON. The
 * device registry stores it in the device profile.
 */
final class DeviceHandler implements HttpHandler {
    private final JvmLlamaExecutor executor;
    private final AgentScheduler scheduler;
    private final AgentConfig config;
    private final String modelId;

    DeviceHandler(JvmLlamaExecutor executor, AgentScheduler scheduler, AgentConfig config, String modelId) {
        this.executor = executor;
        this.scheduler = scheduler;
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
            model.put("describe", executor.describe());
            model.put("context_length", executor.config().contextLength());
            ObjectNode kv = root.putObject("kv");
            kv.put("block_size_tokens", executor.kvCapacity().blockSizeTokens());
            kv.put("blocks_total", scheduler.totalBlocks());
            kv.put("blocks_free", scheduler.freeBlocks());
            kv.put("token_capacity", executor.kvCapacity().tokenCapacity());
            kv.put("prefix_caching", config.prefixCaching());
            ObjectNode queue = root.putObject("queue");
            queue.put("waiting", scheduler.waiting());
            queue.put("running", scheduler.running());
            ObjectNode limits = root.putObject("limits");
            limits.put("max_num_seqs", config.maxNumSeqs());
            limits.put("max_num_batched_tokens", config.maxNumBatchedTokens());
            limits.put("max_waiting", config.maxWaiting());
            AgentJson.json(ex, 200, root);
        }
    }
}
