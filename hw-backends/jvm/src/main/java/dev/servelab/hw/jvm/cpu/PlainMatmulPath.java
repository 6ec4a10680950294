package dev.servelab.hw.jvm.cpu;

import dev.servelab.hw.kernels.MatmulKernels;

/** {@link MatmulPath} over the plain kernels. */
enum PlainMatmulPath implements MatmulPath {
    INSTANCE;

    @Override
    public void f32(float[] w, float[] x, float[] out, int rows, int cols, int tokens, int from, int to) {
        MatmulKernels.matmulF32(w, x, out, rows, cols, tokens, from, to);
    }

    @Override
    public void q8(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens,
                   int from, int to) {
        MatmulKernels.matmulQ8(qs, scales, x, out, rows, cols, tokens, from, to);
    }

    @Override
    public void q4_0(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens,
                     int from, int to) {
        MatmulKernels.matmulQ4_0(qs, scales, x, out, rows, cols, tokens, from, to);
    }

    @Override
    public void q4K(byte[] qs, float[] scales, float[] mins, float[] x, float[] out, int rows, int cols, int tokens,
                    int from, int to) {
        MatmulKernels.matmulQ4K(qs, scales, mins, x, out, rows, cols, tokens, from, to);
    }

    @Override
    public String label() {
        return "plain";
    }
}
