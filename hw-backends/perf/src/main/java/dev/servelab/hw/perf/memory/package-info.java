/**
 * KV-cache sizing with vLLM's semantics ({@code gpu_memory_utilization}, weights, activation
 * peak of a profiling pass, non-PyTorch memory, block size): how many KV blocks one replica has.
 */
package dev.servelab.hw.perf.memory;
