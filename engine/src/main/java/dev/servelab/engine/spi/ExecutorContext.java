package dev.servelab.engine.spi;

import java.nio.file.Path;

/**
 * Where an executor runs: the replica's pool, index, model and hardware ids and parallelism, the KV
 * block size, the seed, the directory relative paths (e.g. a model file) are resolved against
 * (the pipeline file's directory; null when unknown), and the channel for real token ids
 * ({@link TokenChannel#NONE} unless a live source such as the edge agent supplies prompts as token ids).
 * {@code memoryMarginFraction} above 0 asks for Vidur's KV sizing (memory × (1 − margin) − weights, in whole
 * requests of {@code maxModelLen} tokens) instead of vLLM's {@code gpuMemoryUtilization} rule. {@code speculative}
 * is the pool's speculative decoding (null when it has none; only executors whose
 * {@link Executor#supportsSpeculative()} is true are attached to such a pool). {@code lora} is the pool's multi-LoRA
 * serving (null when it has none): the executor reserves its adapter slots' memory before sizing the KV cache
 * and reports the adapter size ({@link Executor#loraAdapterBytes()}).
 */
public record ExecutorContext(String poolName, int replicaIndex, String model, String hardware,
                              int tensorParallel, int blockSizeTokens, double gpuMemoryUtilization, long seed,
                              Path baseDir, TokenChannel tokens, double memoryMarginFraction, int maxModelLen,
                              SpeculativeDecoding speculative, MultiLora lora) {
    public ExecutorContext {
        if (tokens == null) tokens = TokenChannel.NONE;
    }

    /** Without multi-LoRA. */
    public ExecutorContext(String poolName, int replicaIndex, String model, String hardware, int tensorParallel,
                           int blockSizeTokens, double gpuMemoryUtilization, long seed, Path baseDir, TokenChannel tokens,
                           double memoryMarginFraction, int maxModelLen, SpeculativeDecoding speculative) {
        this(poolName, replicaIndex, model, hardware, tensorParallel, blockSizeTokens, gpuMemoryUtilization, seed, baseDir,
                tokens, memoryMarginFraction, maxModelLen, speculative, null);
    }

    /** With vLLM's KV sizing. */
    public ExecutorContext(String poolName, int replicaIndex, String model, String hardware, int tensorParallel,
                           int blockSizeTokens, double gpuMemoryUtilization, long seed, Path baseDir, TokenChannel tokens) {
        this(poolName, replicaIndex, model, hardware, tensorParallel, blockSizeTokens, gpuMemoryUtilization, seed, baseDir,
                tokens, 0, 0, null);
    }

    /** A context without real token ids (every simulated and trace-driven run). */
    public ExecutorContext(String poolName, int replicaIndex, String model, String hardware, int tensorParallel,
                           int blockSizeTokens, double gpuMemoryUtilization, long seed, Path baseDir) {
        this(poolName, replicaIndex, model, hardware, tensorParallel, blockSizeTokens, gpuMemoryUtilization, seed, baseDir,
                TokenChannel.NONE);
    }

    /** Resolves {@code path} against {@link #baseDir()} when it is relative. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }
}
