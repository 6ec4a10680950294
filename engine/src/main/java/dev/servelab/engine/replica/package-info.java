/**
 * The replica model at iteration level: sequences and their token accounting, the paged KV cache
 * with prefix caching on chained block hashes, the per-iteration plan that schedulers fill and
 * executors read, and the replica that runs one event per iteration; beside it, the remote
 * replica (a device batching internally, fed by its endpoint's streamed tokens), both behind
 * {@link dev.servelab.engine.replica.RoutedReplica}. For testing policies only,
 * {@link dev.servelab.engine.replica.ReplicaState} places sequences in a given state and
 * {@link dev.servelab.engine.replica.Replica#planOnce()} runs one scheduling pass without executing it.
 */
package dev.servelab.engine.replica;
