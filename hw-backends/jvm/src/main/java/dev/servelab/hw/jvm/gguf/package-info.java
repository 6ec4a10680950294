/**
 * Reading and writing GGUF, the model file format of llama.cpp and Ollama (specification: the
 * {@code docs/gguf.md} of the ggml repository, github.com/ggml-org/ggml).
 *
 * <p>{@link dev.servelab.hw.jvm.gguf.GgufFile} maps a file read-only through the FFM API and parses
 * its header, metadata and tensor infos; tensor data stays in the mapping. Errors are
 * {@link dev.servelab.hw.jvm.gguf.GgufFormatException}s whose message names the file and the field.
 * {@link dev.servelab.hw.jvm.gguf.GgufWriter} writes version 3 files; the codecs convert F32, F16,
 * BF16 and Q8_0 tensors.
 */
package dev.servelab.hw.jvm.gguf;
