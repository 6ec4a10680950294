package dev.servelab.hw.jvm.cpu;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.kernels.AttentionKernels;
import dev.servelab.hw.kernels.MatmulKernels;

/**
 * The matmul variants the forward pass needs, over a row range; see {@link MatmulKernels} for
 * the contract; and attention's two products over the paged cache, which are matmuls too (a query
 * row times the cached keys, the scores times the cached values), see {@link AttentionKernels}. {@link #best()} is the Vector API path when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, else the plain kernels.
 */
public interface MatmulPath {
    void f32(float[] w, float[] x, float[] out, int rows, int cols, int tokens, int from, int to);

    void q8(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens, int from, int to);

    /** Q4_0 weights; see {@link MatmulKernels#matmulQ4_0}. */
    void q4_0(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens, int from, int to);

    /** Q4_K weights with decoded sub-block scales and mins; see {@link MatmulKernels#matmulQ4K}. */
    void q4K(byte[] qs, float[] scales, float[] mins, float[] x, float[] out, int rows, int cols, int tokens,
             int from, int to);

    /**
     * Attention's {@code q . K} over the paged cache for work-items (token, head) {@code [from, to)}:
     * {@link AttentionKernels#scores}, bit for bit.
     */
    void attentionScores(AttentionArgs a, int from, int to);

    /**
     * Attention's weighted sum of the cached values for work-items (token, head) {@code [from, to)}:
     * {@link AttentionKernels#values}, bit for bit.
     */
    void attentionValues(AttentionArgs a, int from, int to);

    /** Short name for reports: {@code plain} or {@code vector-256} and the like. */
    String label();

    /** The plain loop-parallel kernels (the reference). */
    static MatmulPath plain() {
        return PlainMatmulPath.INSTANCE;
    }

    /** The fastest path this JVM can run. */
    static MatmulPath best() {
        return vectorApiPresent() ? VectorMatmulPath.INSTANCE : plain();
    }

    /** Whether the Vector API incubator module is in the boot layer. */
    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
