/**
 * The model catalog: decoder-only transformer architectures read from Hugging Face
 * {@code config.json} files (Llama 3.x, CodeLlama, Mistral, Mixtral, Qwen2.5, Phi-3 shipped), the
 * storage dtypes of weights and KV cache, and what follows from them: parameter count, weight
 * bytes and KV bytes per token.
 */
package dev.servelab.hw.perf.model;
