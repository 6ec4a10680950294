package dev.servelab.hw.jvm.model;

import dev.servelab.hw.backend.KernelBackend;

/**
 * Matrices with the same {@code cols} that read the same input (Q, K and V; gate and up), prepared
 * once so that each forward pass runs them as one stacked launch when they all have the same type,
 * else one by one.
 */
record MatrixStack(Matrix[] members, int[] rows, float[][] f32, byte[][] q8, float[][] scales) {

    static MatrixStack of(Matrix... members) {
        int n = members.length;
        int[] rows = new int[n];
        float[][] f32 = new float[n][];
        byte[][] q8 = new byte[n][];
        float[][] scales = new float[n][];
        int f32Count = 0;
        int q8Count = 0;
        for (int i = 0; i < n; i++) {
            rows[i] = members[i].rows();
            if (members[i] instanceof F32Matrix m) {
                f32[i] = m.weights();
                f32Count++;
            } else if (members[i] instanceof Q8Matrix m) {
                q8[i] = m.blocks().qs();
                scales[i] = m.blocks().scales();
                q8Count++;
            }
        }
        return new MatrixStack(members, rows, f32Count == n ? f32 : null, q8Count == n ? q8 : null,
                q8Count == n ? scales : null);
    }

    /** {@code outs[i] = members[i] . x} for {@code tokens} input rows. */
    void matmul(KernelBackend backend, float[] x, float[][] outs, int tokens) {
        int cols = members[0].cols();
        if (f32 != null) {
            backend.matmulF32Stacked(f32, x, outs, rows, cols, tokens);
        } else if (q8 != null) {
            backend.matmulQ8Stacked(q8, scales, x, outs, rows, cols, tokens);
        } else {
            for (int i = 0; i < members.length; i++) {
                members[i].matmul(backend, x, outs[i], tokens);
            }
        }
    }

    /**
     * For the gate/up stack: {@code outs[0] = silu(gate . x) * (up . x)} ({@code outs[1]} holds
     * {@code up . x}), fused into one launch where the backend can.
     */
    void matmulSwiGlu(KernelBackend backend, float[] x, float[][] outs, int tokens) {
        int cols = members[0].cols();
        if (members.length == 2 && rows[0] == rows[1] && f32 != null) {
            backend.matmulF32SwiGlu(f32[0], f32[1], x, outs[0], outs[1], rows[0], cols, tokens);
        } else if (members.length == 2 && rows[0] == rows[1] && q8 != null) {
            backend.matmulQ8SwiGlu(q8[0], scales[0], q8[1], scales[1], x, outs[0], outs[1], rows[0], cols, tokens);
        } else {
            matmul(backend, x, outs, tokens);
            backend.swiglu(outs[0], outs[1], tokens * rows[0]);
        }
    }
}
