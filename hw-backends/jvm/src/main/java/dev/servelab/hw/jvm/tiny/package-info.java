/**
 * Models ServeLab generates itself, so tests, the quickstart and benchmarks need no download: a
 * Llama-architecture GGUF file with deterministic random weights from a seed and a byte-level BPE
 * vocabulary (256 bytes, merges learnt from a built-in paragraph, BOS/EOS), in a tiny and a ~100M
 * parameter size. The tokens they generate are meaningless but reproducible.
 */
package dev.servelab.hw.jvm.tiny;
