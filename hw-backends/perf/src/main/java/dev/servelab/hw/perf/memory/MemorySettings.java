package dev.servelab.hw.perf.memory;

/**
 * vLLM's memory settings: the fraction of each device's memory the engine may use
 * ({@code gpu_memory_utilization}, default 0.9), the KV block size in tokens (default 16), the
 * largest batch in tokens and in sequences that the activation reserve must hold
 * ({@code max_num_batched_tokens}, {@code max_num_seqs}), and memory outside PyTorch's allocator
 * (CUDA context, NCCL and cuBLAS workspaces, CUDA graphs), per device.
 */
public record MemorySettings(
        double gpuMemoryUtilization, int blockSizeTokens, int maxNumBatchedTokens, int maxNumSeqs, double nonTorchBytes) {

    public MemorySettings {
        if (!(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1)) {
            throw new IllegalArgumentException("gpu_memory_utilization must be in (0, 1], got " + gpuMemoryUtilization);
        }
        if (blockSizeTokens < 1 || maxNumBatchedTokens < 1 || maxNumSeqs < 1 || nonTorchBytes < 0) {
            throw new IllegalArgumentException("block size, batch limits must be >= 1 and non-torch bytes >= 0");
        }
    }

    /** vLLM defaults: 0.9, 16-token blocks, 8192 batched tokens, 256 sequences, 1 GiB outside PyTorch. */
    public static MemorySettings vllmDefaults() {
        return new MemorySettings(0.9, 16, 8192, 256, 1024.0 * 1024 * 1024);
    }

    public MemorySettings withBlockSize(int tokens) {
        return new MemorySettings(gpuMemoryUtilization, tokens, maxNumBatchedTokens, maxNumSeqs, nonTorchBytes);
    }

    public MemorySettings withUtilization(double fraction) {
        return new MemorySettings(fraction, blockSizeTokens, maxNumBatchedTokens, maxNumSeqs, nonTorchBytes);
    }

    public MemorySettings withMaxNumBatchedTokens(int tokens) {
        return new MemorySettings(gpuMemoryUtilization, blockSizeTokens, tokens, maxNumSeqs, nonTorchBytes);
    }
}
