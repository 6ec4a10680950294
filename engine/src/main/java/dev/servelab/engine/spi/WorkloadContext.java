package dev.servelab.engine.spi;

import java.nio.file.Path;

/**
 * What a workload generator is given: the run's seed, the requested number of requests
 * ({@code 0} = the generator's own setting) and the directory that relative paths are resolved against.
 */
public record WorkloadContext(long seed, long requestLimit, Path baseDir) {
}
