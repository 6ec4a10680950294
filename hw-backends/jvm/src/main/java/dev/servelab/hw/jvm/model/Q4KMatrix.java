package dev.servelab.hw.jvm.model;

import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.gguf.Q4KBlocks;
import dev.servelab.hw.kernels.GatherKernels;

/** Q4_K weights, dequantised on the fly by the matmul. */
public record Q4KMatrix(Q4KBlocks blocks, int rows, int cols) implements Matrix {
    @Override
    public void matmul(MatmulPath path, KernelRunner runner, float[] x, float[] out, int tokens) {
        runner.parallelFor(rows, cols * tokens, (from, to) ->
                path.q4K(blocks.qs(), blocks.scales(), blocks.mins(), x, out, rows, cols, tokens, from, to));
    }

    @Override
    public void gatherRows(KernelRunner runner, int[] rowIndex, float[] out, int count) {
        runner.parallelFor(count * cols, 1, (from, to) -> GatherKernels.gatherQ4K(blocks.qs(), blocks.scales(),
                blocks.mins(), rowIndex, out, cols, from, to));
    }

    @Override
    public void matmul(KernelBackend backend, float[] x, float[] out, int tokens) {
        backend.matmulQ4K(blocks.qs(), blocks.scales(), blocks.mins(), x, out, rows, cols, tokens);
    }

    @Override
    public void gatherRows(KernelBackend backend, int[] rowIndex, float[] out, int count) {
        backend.gatherQ4K(blocks.qs(), blocks.scales(), blocks.mins(), rowIndex, out, cols, count);
    }

    /** The nibbles (half a byte per weight) and a 4-byte scale and min per 32 weights. */
    @Override
    public long weightBytes() {
        return (long) blocks.qs().length + 8L * blocks.scales().length;
    }
}
