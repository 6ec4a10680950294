package dev.servelab.hw.jvm.bench;

import dev.servelab.hw.jvm.model.LlamaConfig;

/**
 * What one decode step of {@code batch} sequences must move and compute, at the mean context length
 * of the timed steps: every weight once ({@code weightBytes}), each sequence's cached keys and values
 * of every layer ({@code kvBytes}, F32 cache), and {@code 2 x} multiply-adds for the matmuls plus
 * attention's {@code q.k} and {@code p.v} ({@code flops}).
 */
record DecodeCost(long weightBytes, long kvBytes, double flops) {

    static DecodeCost of(LlamaConfig c, long weightBytes, int batch, double meanContext) {
        long kvBytes = Math.round(batch * meanContext * c.layers() * 2.0 * c.kvDim() * Float.BYTES);
        long matmulParams = (long) c.layers() * ((long) c.dim() * (2L * c.dim() + 2L * c.kvDim())
                + 3L * c.dim() * c.hiddenDim()) + (long) c.dim() * c.vocabSize();
        double attention = 4.0 * c.layers() * c.heads() * c.headDim() * meanContext;
        return new DecodeCost(weightBytes, kvBytes, batch * (2.0 * matmulParams + attention));
    }

    long bytes() {
        return weightBytes + kvBytes;
    }

    /** The least time a step can take on this machine: bytes at full bandwidth or FLOPs at peak. */
    double boundSeconds(double bytesPerSecond, double flopsPerSecond) {
        return Math.max(bytes() / bytesPerSecond, flops / flopsPerSecond);
    }

    /** {@code memory} or {@code compute}, whichever takes longer. */
    String binding(double bytesPerSecond, double flopsPerSecond) {
        return bytes() / bytesPerSecond >= flops / flopsPerSecond ? "memory" : "compute";
    }
}
