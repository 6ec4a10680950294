/**
 * The Llama-family model on the JVM backend: configuration from GGUF metadata, weights loaded with
 * llama.cpp's tensor names, and the batched forward pass of one iteration over a paged KV cache.
 * References: Touvron et al., "LLaMA: Open and Efficient Foundation Language Models" (2023);
 * Ainslie et al., "GQA" (2023) for grouped-query attention; Su et al., "RoFormer" (2021) for RoPE;
 * Kwon et al., "PagedAttention" (SOSP 2023) for the block-table cache layout.
 */
package dev.servelab.hw.jvm.model;
