/**
 * The live JVM backend: {@link dev.servelab.hw.jvm.JvmLlamaExecutor} runs a Llama-family GGUF model
 * one batched iteration at a time ({@link dev.servelab.hw.jvm.Iteration} of
 * {@link dev.servelab.hw.jvm.SequenceChunk}s: prefill chunks and decode tokens of several sequences
 * in one forward pass over a paged KV cache), returning logits and greedy next tokens. It is the
 * reference every other live backend is checked against. Also the {@code servelab model} CLI
 * command (generating the tiny model, greedy generation), registered through the engine's
 * {@code CommandProvider} SPI.
 */
package dev.servelab.hw.jvm;
