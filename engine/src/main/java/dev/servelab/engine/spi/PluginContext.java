package dev.servelab.engine.spi;

/**
 * What a plugin instance may know about where it sits: the run's seed (already mixed with the
 * node's position, so two replicas' policies draw different numbers), the pipeline node path for
 * error messages, and the replica index ({@code -1} for cluster-level nodes).
 */
public record PluginContext(long seed, String nodePath, int replicaIndex) {
}
