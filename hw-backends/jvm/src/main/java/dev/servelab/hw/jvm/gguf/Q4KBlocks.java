package dev.servelab.hw.jvm.gguf;

/**
 * Q4_K weights unpacked for the kernels: the 128 nibble bytes of every 256-weight super-block in
 * GGUF order, back to back, and per 32-weight sub-block its decoded scale {@code d * sc} and min
 * {@code dmin * m} (GGUF packs these as two F16 factors and twelve bytes of 6-bit integers per
 * super-block). Layout: {@code dev.servelab.hw.kernels.MatmulKernels#matmulQ4K}.
 */
public record Q4KBlocks(byte[] qs, float[] scales, float[] mins) {
}
