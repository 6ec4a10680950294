package dev.servelab.hw.jvm.gguf;

/**
 * Q4_0 weights unpacked for the kernels: the 16 nibble bytes of every 32-weight block, in GGUF order
 * and back to back, and one float scale per block (GGUF interleaves an F16 scale with each block's
 * bytes). Layout: {@code dev.servelab.hw.kernels.MatmulKernels#matmulQ4_0}.
 */
public record Q4Blocks(byte[] qs, float[] scales) {
}
