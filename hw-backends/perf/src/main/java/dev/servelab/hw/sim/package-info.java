/**
 * Simulated executors: performance models that turn an iteration's batch into a duration on the
 * virtual clock, and size the KV cache from device memory.
 */
package dev.servelab.hw.sim;
