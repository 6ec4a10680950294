package dev.servelab.hw.jvm.gguf;

/**
 * Q8_0 weights unpacked for the kernels: one signed byte per weight and one float scale per block
 * of 32 consecutive weights (the GGUF encoding interleaves an F16 scale with each block's 32 bytes).
 */
public record Q8Blocks(byte[] qs, float[] scales) {
}
