package dev.servelab.engine.pipeline;

/**
 * A pool of identical replicas: the model and hardware they serve, vLLM's scheduler limits, the
 * batch scheduler, KV cache and executor nodes.
 */
public record PoolSpec(String path, String name, int replicas, String model, String hardware, int tensorParallel,
                       int maxNumSeqs, int maxNumBatchedTokens, NodeSpec scheduler, KvCacheSpec kvCache,
                       NodeSpec executor) {
}
