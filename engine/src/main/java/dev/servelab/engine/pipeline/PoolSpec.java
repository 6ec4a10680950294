package dev.servelab.engine.pipeline;

import dev.servelab.engine.spi.MultiLora;
import dev.servelab.engine.spi.SpeculativeDecoding;

/**
 * A pool of identical replicas. An {@code engine} pool (the default) names the model and hardware
 * they serve, vLLM's scheduler limits, the batch scheduler, KV cache and executor nodes; a
 * {@code remote} pool has an {@code endpoint} node instead (a device that batches internally), and
 * its scheduler, KV cache and executor are null. {@code speculative} is the pool's speculative decoding
 * (null: none, every decode step emits one token); {@code lora} its multi-LoRA serving (null: none, requests'
 * adapters are ignored).
 */
public record PoolSpec(String path, String name, int replicas, String model, String hardware, int tensorParallel,
                       int maxNumSeqs, int maxNumBatchedTokens, NodeSpec scheduler, KvCacheSpec kvCache,
                       NodeSpec executor, NodeSpec endpoint, SpeculativeDecoding speculative, MultiLora lora) {
    /** A pool without multi-LoRA. */
    public PoolSpec(String path, String name, int replicas, String model, String hardware, int tensorParallel,
                    int maxNumSeqs, int maxNumBatchedTokens, NodeSpec scheduler, KvCacheSpec kvCache, NodeSpec executor,
                    NodeSpec endpoint, SpeculativeDecoding speculative) {
        this(path, name, replicas, model, hardware, tensorParallel, maxNumSeqs, maxNumBatchedTokens, scheduler, kvCache,
                executor, endpoint, speculative, null);
    }

    public PoolSpec(String path, String name, int replicas, String model, String hardware, int tensorParallel,
                    int maxNumSeqs, int maxNumBatchedTokens, NodeSpec scheduler, KvCacheSpec kvCache, NodeSpec executor,
                    NodeSpec endpoint) {
        this(path, name, replicas, model, hardware, tensorParallel, maxNumSeqs, maxNumBatchedTokens, scheduler, kvCache,
                executor, endpoint, null);
    }

    public static final String KIND_ENGINE = "engine";
    public static final String KIND_REMOTE = "remote";

    public PoolSpec(String path, String name, int replicas, String model, String hardware, int tensorParallel,
                    int maxNumSeqs, int maxNumBatchedTokens, NodeSpec scheduler, KvCacheSpec kvCache, NodeSpec executor) {
        this(path, name, replicas, model, hardware, tensorParallel, maxNumSeqs, maxNumBatchedTokens, scheduler, kvCache,
                executor, null);
    }

    public boolean isRemote() {
        return endpoint != null;
    }

    public String kind() {
        return isRemote() ? KIND_REMOTE : KIND_ENGINE;
    }
}
