/**
 * The paged KV cache of the JVM backend (after Kwon et al., "Efficient Memory Management for Large
 * Language Model Serving with PagedAttention", SOSP 2023): a fixed pool of blocks of
 * {@code blockSizeTokens} tokens per layer, block tables that map a sequence's logical blocks to
 * physical ones, and a deterministic lowest-id-first allocator for callers that do not bring their own.
 */
package dev.servelab.hw.jvm.kv;
