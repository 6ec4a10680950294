/**
 * Tokenizers built from a GGUF file's {@code tokenizer.ggml.*} metadata: byte-level BPE
 * ({@code gpt2}, used by Llama 3 and by ServeLab's generated models) and SentencePiece BPE
 * ({@code llama}, used by Llama 2 era models), with the Llama 3 pre-tokenizer.
 */
package dev.servelab.hw.jvm.tokenizer;
