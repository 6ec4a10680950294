package dev.servelab.hw.backend;

/**
 * The operations one Llama forward pass asks of the hardware, each over its whole range (the
 * backend decides how to split or offload it). Every operation is defined by the kernels of
 * {@link dev.servelab.hw.kernels} it names; a backend must produce their results (within float
 * rounding: 1e-4 against the JVM backend ({@code dev.servelab.hw.jvm.backend.JvmKernelBackend})). Arrays are the caller's and stay valid after
 * the call; outputs are complete on the host when a method returns. Weights (matrices, norm
 * vectors, embedding tables, RoPE factors) never change between calls, so a device backend may
 * keep them on the device; everything else may. No argument array aliases another. One call at a
 * time.
 */
public interface KernelBackend extends AutoCloseable {

    /** Short backend name: {@code jvm}, {@code tornadovm}. */
    String name();

    /** One line for reports: the device, and what runs on it. */
    String describe();

    /** {@code MatmulKernels.matmulF32} over all {@code rows}. */
    void matmulF32(float[] w, float[] x, float[] out, int rows, int cols, int tokens);

    /** {@code MatmulKernels.matmulQ8} over all {@code rows}. */
    void matmulQ8(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens);

    /**
     * {@code MatmulKernels.matmulQ4_0} over all {@code rows}. By default the plain kernel on the
     * calling thread, so that a backend without Q4 kernels still runs Q4_0 models (slowly).
     */
    default void matmulQ4_0(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens) {
        dev.servelab.hw.kernels.MatmulKernels.matmulQ4_0(qs, scales, x, out, rows, cols, tokens, 0, rows);
    }

    /** {@code MatmulKernels.matmulQ4K} over all {@code rows}. By default the plain kernel on the calling thread. */
    default void matmulQ4K(byte[] qs, float[] scales, float[] mins, float[] x, float[] out, int rows, int cols,
                           int tokens) {
        dev.servelab.hw.kernels.MatmulKernels.matmulQ4K(qs, scales, mins, x, out, rows, cols, tokens, 0, rows);
    }

    /** {@code GatherKernels.gatherQ4_0}; by default on the calling thread. */
    default void gatherQ4_0(byte[] qs, float[] scales, int[] rowIndex, float[] out, int dim, int count) {
        dev.servelab.hw.kernels.GatherKernels.gatherQ4_0(qs, scales, rowIndex, out, dim, 0, count * dim);
    }

    /** {@code GatherKernels.gatherQ4K}; by default on the calling thread. */
    default void gatherQ4K(byte[] qs, float[] scales, float[] mins, int[] rowIndex, float[] out, int dim, int count) {
        dev.servelab.hw.kernels.GatherKernels.gatherQ4K(qs, scales, mins, rowIndex, out, dim, 0, count * dim);
    }

    /**
     * {@code MatmulKernels.matmulF32} of several matrices with the same {@code cols} over the same
     * input, {@code out[i] = w[i] . x} (Q, K and V; gate and up), which a backend may run as one
     * launch over the stacked rows. By default, one {@link #matmulF32} each.
     */
    default void matmulF32Stacked(float[][] w, float[] x, float[][] out, int[] rows, int cols, int tokens) {
        for (int i = 0; i < w.length; i++) {
            matmulF32(w[i], x, out[i], rows[i], cols, tokens);
        }
    }

    /** As {@link #matmulF32Stacked} for Q8_0 matrices. By default, one {@link #matmulQ8} each. */
    default void matmulQ8Stacked(byte[][] qs, float[][] scales, float[] x, float[][] out, int[] rows, int cols,
                                 int tokens) {
        for (int i = 0; i < qs.length; i++) {
            matmulQ8(qs[i], scales[i], x, out[i], rows[i], cols, tokens);
        }
    }

    /**
     * The SwiGLU MLP's first half: {@code gate = gateW . x}, {@code up = upW . x} (both {@code rows x
     * cols}), then {@code gate = silu(gate) * up} ({@link #swiglu}). A backend may fuse the three into
     * one launch (the JVM backend does: each row slice computes its gate and up rows and applies
     * SwiGLU to them, with one barrier instead of two); by default, a stacked matmul, then
     * {@link #swiglu}. Either way the same arithmetic per element.
     */
    default void matmulF32SwiGlu(float[] gateW, float[] upW, float[] x, float[] gate, float[] up, int rows, int cols,
                                 int tokens) {
        matmulF32Stacked(new float[][] {gateW, upW}, x, new float[][] {gate, up}, new int[] {rows, rows}, cols, tokens);
        swiglu(gate, up, tokens * rows);
    }

    /** As {@link #matmulF32SwiGlu} for Q8_0 gate and up matrices. */
    default void matmulQ8SwiGlu(byte[] gateQs, float[] gateScales, byte[] upQs, float[] upScales, float[] x,
                                float[] gate, float[] up, int rows, int cols, int tokens) {
        matmulQ8Stacked(new byte[][] {gateQs, upQs}, new float[][] {gateScales, upScales}, x,
                new float[][] {gate, up}, new int[] {rows, rows}, cols, tokens);
        swiglu(gate, up, tokens * rows);
    }

    /** {@code GatherKernels.gatherF32} from a weight table, for the first {@code count} entries of {@code rowIndex}. */
    void gatherF32(float[] table, int[] rowIndex, float[] out, int dim, int count);

    /** {@code GatherKernels.gatherQ8} for the first {@code count} entries of {@code rowIndex}. */
    void gatherQ8(byte[] qs, float[] scales, int[] rowIndex, float[] out, int dim, int count);

    /**
     * {@code GatherKernels.gatherF32} from activations {@code x} (which change from call to call,
     * unlike a weight table): rows {@code rowIndex[0 .. count)} of {@code x} into {@code out}.
     */
    void selectRows(float[] x, int[] rowIndex, float[] out, int dim, int count);

    /**
     * RMSNorm of {@code rows} rows: {@code NormKernels.rmsInverse} into {@code inv} (scratch of at
     * least {@code rows} entries), then {@code NormKernels.rmsScale} into {@code out}.
     */
    void rmsNorm(float[] x, float[] inv, float[] weight, float[] out, int dim, float eps, int rows);

    /** {@code RopeKernels.rope} over every pair of {@code tokens} rows of {@code heads} heads. */
    void rope(float[] vec, int[] positions, float[] freqFactors, int heads, int headDim, float theta, int tokens);

    /**
     * One layer's attention over the paged cache: {@code AttentionKernels.kvWrite} of the
     * {@code tokens} rows of {@code k} and {@code v}, then {@code AttentionKernels.scores},
     * {@code SoftmaxKernels.softmaxRows} and {@code AttentionKernels.values} into {@code out}.
     * {@code scores} ({@code tokens * heads * stride}) and {@code lengths} ({@code tokens * heads},
     * {@code positions[t] + 1} per row) are scratch the caller provides; a backend may use its own.
     */
    void attention(AttentionArgs args);

    /** {@code ActivationKernels.swiglu} over {@code [0, n)}. */
    void swiglu(float[] gate, float[] up, int n);

    /** {@code ActivationKernels.addInPlace} over {@code [0, n)}. */
    void addInPlace(float[] x, float[] y, int n);

    /** {@code ActivationKernels.argmaxRows} over {@code rows} rows. */
    void argmaxRows(float[] logits, int[] out, int vocab, int rows);

    /** Releases threads or device memory. */
    @Override
    default void close() {
    }
}
