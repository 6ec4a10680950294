package dev.servelab.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an executor runs: the replica's pool, index, model and hardware ids and parallelism, the KV
 * block size, and the seed.
 */
public record ExecutorContext(String poolName, int replicaIndex, String model, String hardware,
                              int tensorParallel, int blockSizeTokens, double gpuMemoryUtilization, long seed) {
}
