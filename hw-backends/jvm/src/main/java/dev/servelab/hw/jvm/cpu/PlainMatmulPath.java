package dev.servelab.hw.jvm.cpu;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.kernels.AttentionKernels;
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
    public void attentionScores(AttentionArgs a, int from, int to) {
        AttentionKernels.scores(a.q(), a.kCache(), a.scores(), a.positions(), a.tokenSeq(), a.blockTables(),
                a.maxBlocks(), a.blockSize(), a.heads(), a.kvHeads(), a.headDim(), a.stride(), from, to);
    }

    @Override
    public void attentionValues(AttentionArgs a, int from, int to) {
        AttentionKernels.values(a.scores(), a.vCache(), a.out(), a.positions(), a.tokenSeq(), a.blockTables(),
                a.maxBlocks(), a.blockSize(), a.heads(), a.kvHeads(), a.headDim(), a.stride(), from, to);
    }

    @Override
    public String label() {
        return "plain";
    }
}
