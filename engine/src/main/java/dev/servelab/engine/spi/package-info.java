/**
 * The plugin SPI. Policies are pure decision-makers over read-only views: routers and admission
 * over a {@link dev.servelab.engine.spi.ClusterView}, batch schedulers over a
 * {@link dev.servelab.engine.spi.ReplicaView} composing a {@link dev.servelab.engine.spi.BatchPlan},
 * eviction over KV block events. Workload generators and trace readers produce request streams;
 * executors turn a batch into a duration. A {@link dev.servelab.engine.spi.LiveRequestStream} feeds a live run
 * from other threads, and a {@link dev.servelab.engine.spi.TokenChannel} carries real token ids between such a
 * source and a live executor (the engine itself only counts tokens). Every implementation is a {@link dev.servelab.engine.spi.Plugin}
 * with a stable id, found with {@link java.util.ServiceLoader} exactly as a third party's jar is.
 */
package dev.servelab.engine.spi;
