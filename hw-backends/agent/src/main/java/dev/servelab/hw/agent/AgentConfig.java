package dev.servelab.hw.agent;

import java.nio.file.Path;

/**
 * How an agent runs: the GGUF model (null: the served pool's {@code executor.model_file}), the
 * pipeline file and pool to serve (null: the default pool below), the address and port to bind
 * (port 0 picks a free one), the bearer token (null: none, allowed only on loopback), and the
 * waiting requests allowed before HTTP 429. The default pool is built from the rest: KV block size
 * and memory budget, batching limits (running sequences, tokens per iteration), whether full prompt
 * blocks are shared between requests (automatic prefix caching); a floor on each iteration's wall
 * time (0: none) makes a fast machine behave like a slower device, for rehearsing an edge fleet on a
 * workstation, and applies to a pipeline's pool too.
 */
public record AgentConfig(Path model, String bindAddress, int port, String token, int blockSizeTokens,
                          long kvBudgetBytes, int maxNumSeqs, int maxNumBatchedTokens, int maxWaiting,
                          long iterationFloorNanos, boolean prefixCaching, Path pipeline, String pool) {
    public AgentConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port " + port + " is not a TCP port");
        if (blockSizeTokens < 1 || maxNumSeqs < 1 || maxNumBatchedTokens < 1 || maxWaiting < 1 || kvBudgetBytes < 1) {
            throw new IllegalArgumentException("block size, KV budget and batching limits must be positive");
        }
        if (iterationFloorNanos < 0) throw new IllegalArgumentException("iteration floor must be >= 0");
        if (token != null && token.isBlank()) throw new IllegalArgumentException("--token must not be blank");
        if (model == null && pipeline == null) throw new IllegalArgumentException("give --model or --pipeline");
        if (pool != null && pipeline == null) throw new IllegalArgumentException("--pool needs --pipeline");
    }

    /** The default pool, no pipeline file. */
    public AgentConfig(Path model, String bindAddress, int port, String token, int blockSizeTokens, long kvBudgetBytes,
                       int maxNumSeqs, int maxNumBatchedTokens, int maxWaiting, long iterationFloorNanos,
                       boolean prefixCaching) {
        this(model, bindAddress, port, token, blockSizeTokens, kvBudgetBytes, maxNumSeqs, maxNumBatchedTokens, maxWaiting,
                iterationFloorNanos, prefixCaching, null, null);
    }

    /** Loopback, a free port, no token, 16-token blocks, 64 MiB of KV, 16 sequences, 512 tokens per iteration. */
    public static AgentConfig loopback(Path model) {
        return new AgentConfig(model, "127.0.0.1", 0, null, 16, 64L << 20, 16, 512, 256, 0, true);
    }

    /** As {@link #loopback(Path)}, serving pool {@code pool} (null: the first engine pool) of {@code pipeline}, its model file. */
    public static AgentConfig loopback(Path pipeline, String pool) {
        return new AgentConfig(null, "127.0.0.1", 0, null, 16, 64L << 20, 16, 512, 256, 0, true, pipeline, pool);
    }

    public AgentConfig withBind(String address, int p, String t) {
        return new AgentConfig(model, address, p, t, blockSizeTokens, kvBudgetBytes, maxNumSeqs, maxNumBatchedTokens,
                maxWaiting, iterationFloorNanos, prefixCaching, pipeline, pool);
    }

    public AgentConfig withIterationFloorMillis(double ms) {
        return new AgentConfig(model, bindAddress, port, token, blockSizeTokens, kvBudgetBytes, maxNumSeqs,
                maxNumBatchedTokens, maxWaiting, Math.round(ms * 1e6), prefixCaching, pipeline, pool);
    }

    public AgentConfig withMaxWaiting(int n) {
        return new AgentConfig(model, bindAddress, port, token, blockSizeTokens, kvBudgetBytes, maxNumSeqs,
                maxNumBatchedTokens, n, iterationFloorNanos, prefixCaching, pipeline, pool);
    }

    public AgentConfig withPrefixCaching(boolean on) {
        return new AgentConfig(model, bindAddress, port, token, blockSizeTokens, kvBudgetBytes, maxNumSeqs,
                maxNumBatchedTokens, maxWaiting, iterationFloorNanos, on, pipeline, pool);
    }

    /** Serves pool {@code poolName} (null: the first engine pool) of {@code pipelineFile} instead of the default pool. */
    public AgentConfig withPipeline(Path pipelineFile, String poolName) {
        return new AgentConfig(model, bindAddress, port, token, blockSizeTokens, kvBudgetBytes, maxNumSeqs,
                maxNumBatchedTokens, maxWaiting, iterationFloorNanos, prefixCaching, pipelineFile, poolName);
    }

    @Override
    public String toString() {
        return "AgentConfig[model=" + model + ", pipeline=" + pipeline + (pool == null ? "" : "#" + pool) + ", bind="
                + bindAddress + ":" + port + ", token=" + (token == null ? "none" : "***") + ", block=" + blockSizeTokens
                + ", prefixCaching=" + prefixCaching + ", kvBudget=" + kvBudgetBytes + ", maxNumSeqs=" + maxNumSeqs + "]";
    }
}
