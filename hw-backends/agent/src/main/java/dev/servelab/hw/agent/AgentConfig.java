package dev.servelab.hw.agent;

import java.nio.file.Path;

/**
 * How an agent runs: the GGUF model, the address and port to bind (port 0 picks a free one), the
 * bearer token (null: none, allowed only on loopback), KV cache geometry and memory budget, and
 * batching limits (running sequences, tokens per iteration, waiting requests before HTTP 429), and
 * a floor on each iteration's wall time (0: none) that makes a fast machine behave like a slower
 * device, for rehearsing an edge fleet on a workstation; and whether full prompt blocks are shared
 * between requests (automatic prefix caching).
 */
public record AgentConfig(Path model, String bindAddress, int port, String token, int blockSizeTokens,
                          long kvBudgetBytes, int maxNumSeqs, int maxNumBatchedTokens, int maxWaiting,
                          long iterationFloorNanos, boolean prefixCaching) {
    public AgentConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port " + port + " is not a TCP port");
        if (blockSizeTokens < 1 || maxNumSeqs < 1 || maxNumBatchedTokens < 1 || maxWaiting < 1 || kvBudgetBytes < 1) {
            throw new IllegalArgumentException("block size, KV budget and batching limits must be positive");
        }
        if (iterationFloorNanos < 0) throw new IllegalArgumentException("iteration floor must be >= 0");
        if (token != null && token.isBlank()) throw new IllegalArgumentException("--token must not be blank");
    }

    /** Loopback, a free port, no token, 16-token blocks, 64 MiB of KV, 16 sequences, 512 tokens per iteration. */
    public static AgentConfig loopback(Path model) {
        return new AgentConfig(model, "127.0.0.1", 0, null, 16, 64L << 20, 16, 512, 256, 0, true);
    }

    public AgentConfig withBind(String address, int p, String t) {
        return new AgentConfig(model, address, p, t, blockSizeTokens, kvBudgetBytes, maxNumSeqs, maxNumBatchedTokens,
                maxWaiting, iterationFloorNanos, prefixCaching);
    }

    public AgentConfig withIterationFloorMillis(double ms) {
        return new AgentConfig(model, bindAddress, port, token, blockSizeTokens, kvBudgetBytes, maxNumSeqs,
                maxNumBatchedTokens, maxWaiting, Math.round(ms * 1e6), prefixCaching);
    }

    public AgentConfig withMaxWaiting(int n) {
        return new AgentConfig(model, bindAddress, port, token, blockSizeTokens, kvBudgetBytes, maxNumSeqs,
                maxNumBatchedTokens, n, iterationFloorNanos, prefixCaching);
    }

    public AgentConfig withPrefixCaching(boolean on) {
        return new AgentConfig(model, bindAddress, port, token, blockSizeTokens, kvBudgetBytes, maxNumSeqs,
                maxNumBatchedTokens, maxWaiting, iterationFloorNanos, on);
    }

    @Override
    public String toString() {
        return "AgentConfig[model=" + model + ", bind=" + bindAddress + ":" + port + ", token=" + (token == null ? "none" : "***")
                + ", block=" + blockSizeTokens + ", prefixCaching=" + prefixCaching + ", kvBudget=" + kvBudgetBytes + ", maxNumSeqs=" + maxNumSeqs + "]";
    }
}
