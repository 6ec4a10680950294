package dev.servelab.hw.perf.memory;

/**
 * Memory of one device of a replica, as vLLM divides it (bytes): the usable part
 * ({@code gpu_memory_utilization} x total), the weights of the device's shard, the activation
 * peak of the largest batch, memory outside PyTorch, and what remains for KV blocks.
 * {@code kvBlocks} is the number of blocks of the replica (every block spans all TP shards and
 * pipeline stages, so it equals each device's count); {@code kvBlocks < 1} means the model does
 * not fit.
 */
public record KvBudget(
        double usableBytes,
        double weightBytesPerDevice,
        double activationBytesPerDevice,
        double nonTorchBytesPerDevice,
        double kvBytesPerDevice,
        double kvBytesPerBlockPerDevice,
        int blockSizeTokens,
        long kvBlocks) {

    public boolean fits() {
        return kvBlocks >= 1;
    }

    /** Tokens the replica's KV cache holds. */
    public long kvTokens() {
        return kvBlocks * blockSizeTokens;
    }
}
