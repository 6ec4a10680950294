/**
 * The live JVM backend: {@link dev.servelab.hw.jvm.JvmLlamaExecutor} runs a Llama-family GGUF model
 * one batched iteration at a time ({@link dev.servelab.hw.jvm.Iteration} of
 * {@link dev.servelab.hw.jvm.SequenceChunk}s: prefill chunks and decode tokens of several sequences
 * in one forward pass over a paged KV cache), returning logits and greedy next tokens. It is the
 * reference every other live backend is checked against. The live executors {@code exec.jvm} and
 * {@code exec.tornadovm} put it behind the engine's replicas; {@link dev.servelab.hw.jvm.CompareModes}
 * is the compare-modes workflow (live run against its calibrated simulation) that the CLI and the
 * workbench call; {@link dev.servelab.hw.jvm.JvmLiveCalibrator} is {@code calibrate --live}. Also the
 * {@code servelab model} and {@code compare-modes} CLI commands, registered through the engine's
 * {@code CommandProvider} SPI.
 */
package dev.servelab.hw.jvm;
