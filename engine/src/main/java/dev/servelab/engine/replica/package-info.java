/**
 * The replica model at iteration level: sequences and their token accounting, the paged KV cache
 * with prefix caching on chained block hashes, the per-iteration plan that schedulers fill and
 * executors read, and the replica that runs one event per iteration.
 */
package dev.servelab.engine.replica;
