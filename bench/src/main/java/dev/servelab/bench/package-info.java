/**
 * JMH micro-benchmarks of the engine's hot paths: the event loop, one scheduling pass of every built-in
 * batch scheduler at batch 8/64/256, a whole replica iteration (plan, execute, emit) on the steady decode
 * path, the KV cache (allocate/free, prefix lookup), the timing models' iteration prediction
 * ({@code exec.roofline}, {@code exec.operators}, {@code exec.vidur-tables}) and the run store's row
 * append. Compiled in the default build (so they keep compiling), never run by it: see the module README
 * and docs/PERFORMANCE.md for the command and the measured table.
 */
package dev.servelab.bench;
