package dev.servelab.engine.spi;

import java.nio.file.Path;

/**
 * Where an executor runs: the replica's pool, index, model and hardware ids and parallelism, the KV
 * block size, the seed, and the directory relative paths (e.g. a model file) are resolved against
 * (the pipeline file's directory; null when unknown).
 */
public record ExecutorContext(String poolName, int replicaIndex, String model, String hardware,
                              int tensorParallel, int blockSizeTokens, double gpuMemoryUtilization, long seed,
                              Path baseDir) {
    /** Resolves {@code path} against {@link #baseDir()} when it is relative. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }
}
