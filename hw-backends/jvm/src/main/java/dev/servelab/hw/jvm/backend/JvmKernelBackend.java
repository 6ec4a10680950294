package dev.servelab.hw.jvm.backend;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.backend.KernelBackend;

import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.cpu.StackedRows;
import dev.servelab.hw.kernels.ActivationKernels;
import dev.servelab.hw.kernels.AttentionKernels;
import dev.servelab.hw.kernels.GatherKernels;
import dev.servelab.hw.kernels.NormKernels;
import dev.servelab.hw.kernels.RopeKernels;
import dev.servelab.hw.kernels.SoftmaxKernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The JVM backend, the reference every other backend is checked against: each kernel's
 * {@code @Parallel} range is sliced by a {@link KernelRunner}; matmuls go through a
 * {@link MatmulPath} (the Vector API when present). Owns the runner and closes it.
 */
public final class JvmKernelBackend implements KernelBackend {
    private final KernelRunner runner;
    private final MatmulPath path;
    private volatile RopeTable ropeTable;
    /**
     * The per-index cost factor of scalar kernels (attention over the cache, softmax, SwiGLU's
     * {@code exp}) relative to the runner's unit, a vector multiply-add of the matmuls; the system
     * property {@code servelab.kernel.scalar-cost} overrides it (1: the costs before issue 19's step 4).
     */
    private static final int SCALAR = Integer.getInteger("servelab.kernel.scalar-cost", 8);

    public JvmKernelBackend(KernelRunner runner, MatmulPath path) {
        this.runner = runner;
        this.path = path;
    }

    /** The best runner over all processors and the fastest matmul this JVM has. */
    public static JvmKernelBackend best() {
        return new JvmKernelBackend(KernelRunner.best(), MatmulPath.best());
    }

    /** Model files below this size run on the calling thread alone (see {@link #forModel}). */
    public static final long SMALL_MODEL_BYTES = 8L << 20;

    /**
     * The backend for a live model: {@link #best()}, except that a model small enough to stay in the
     * CPU caches (under {@link #SMALL_MODEL_BYTES}, such as the generated tiny model) runs on the
     * calling thread alone, where handing chunks to helper threads costs more than the kernels (live
     * runs of the tiny model: mean TTFT 3.1-3.7 ms on one thread, 4.0-5.5 ms on two). The system
     * property {@code servelab.kernel.runner} overrides the choice.
     */
    public static JvmKernelBackend forModel(Path modelFile) {
        boolean small;
        try {
            small = modelFile != null && Files.size(modelFile) < SMALL_MODEL_BYTES;
        } catch (IOException e) {
            small = false;
        }
        if (small && System.getProperty("servelab.kernel.runner") == null) {
            return new JvmKernelBackend(KernelRunner.serial(), MatmulPath.best());
        }
        return best();
    }

    /** One thread and the plain kernels: the deterministic reference. */
    public static JvmKernelBackend reference() {
        return new JvmKernelBackend(KernelRunner.serial(), MatmulPath.plain());
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public String describe() {
        return "matmul=" + path.label() + " threads=" + runner.threads();
    }

    @Override
    public void matmulF32(float[] w, float[] x, float[] out, int rows, int cols, int tokens) {
        runner.parallelFor(rows, cols * tokens, (from, to) -> path.f32(w, x, out, rows, cols, tokens, from, to));
    }

    @Override
    public void matmulQ8(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens) {
        runner.parallelFor(rows, cols * tokens,
                (from, to) -> path.q8(qs, scales, x, out, rows, cols, tokens, from, to));
    }

    @Override
    public void matmulQ4_0(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens) {
        runner.parallelFor(rows, cols * tokens,
                (from, to) -> path.q4_0(qs, scales, x, out, rows, cols, tokens, from, to));
    }

    @Override
    public void matmulQ4K(byte[] qs, float[] scales, float[] mins, float[] x, float[] out, int rows, int cols,
                          int tokens) {
        runner.parallelFor(rows, cols * tokens,
                (from, to) -> path.q4K(qs, scales, mins, x, out, rows, cols, tokens, from, to));
    }

    @Override
    public void gatherQ4_0(byte[] qs, float[] scales, int[] rowIndex, float[] out, int dim, int count) {
        runner.parallelFor(count * dim, 1,
                (from, to) -> GatherKernels.gatherQ4_0(qs, scales, rowIndex, out, dim, from, to));
    }

    @Override
    public void gatherQ4K(byte[] qs, float[] scales, float[] mins, int[] rowIndex, float[] out, int dim, int count) {
        runner.parallelFor(count * dim, 1,
                (from, to) -> GatherKernels.gatherQ4K(qs, scales, mins, rowIndex, out, dim, from, to));
    }

    @Override
    public void matmulF32Stacked(float[][] w, float[] x, float[][] out, int[] rows, int cols, int tokens) {
        StackedRows stack = StackedRows.of(rows);
        runner.parallelFor(stack.total(), cols * tokens, (from, to) -> stack.forEach(from, to,
                (i, f, t) -> path.f32(w[i], x, out[i], rows[i], cols, tokens, f, t)));
    }

    @Override
    public void matmulQ8Stacked(byte[][] qs, float[][] scales, float[] x, float[][] out, int[] rows, int cols,
                                int tokens) {
        StackedRows stack = StackedRows.of(rows);
        runner.parallelFor(stack.total(), cols * tokens, (from, to) -> stack.forEach(from, to,
                (i, f, t) -> path.q8(qs[i], scales[i], x, out[i], rows[i], cols, tokens, f, t)));
    }

    @Override
    public void matmulF32SwiGlu(float[] gateW, float[] upW, float[] x, float[] gate, float[] up, int rows, int cols,
                                int tokens) {
        runner.parallelFor(rows, 2 * cols * tokens, (from, to) -> {
            path.f32(gateW, x, gate, rows, cols, tokens, from, to);
            path.f32(upW, x, up, rows, cols, tokens, from, to);
            swigluRows(gate, up, rows, tokens, from, to);
        });
    }

    @Override
    public void matmulQ8SwiGlu(byte[] gateQs, float[] gateScales, byte[] upQs, float[] upScales, float[] x,
                               float[] gate, float[] up, int rows, int cols, int tokens) {
        runner.parallelFor(rows, 2 * cols * tokens, (from, to) -> {
            path.q8(gateQs, gateScales, x, gate, rows, cols, tokens, from, to);
            path.q8(upQs, upScales, x, up, rows, cols, tokens, from, to);
            swigluRows(gate, up, rows, tokens, from, to);
        });
    }

    /** SwiGLU of rows {@code [from, to)} of every token ({@code [token][rows]} layout). */
    private static void swigluRows(float[] gate, float[] up, int rows, int tokens, int from, int to) {
        for (int t = 0; t < tokens; t++) {
            ActivationKernels.swiglu(gate, up, t * rows + from, t * rows + to);
        }
    }

    @Override
    public void gatherF32(float[] table, int[] rowIndex, float[] out, int dim, int count) {
        runner.parallelFor(count * dim, 1, (from, to) -> GatherKernels.gatherF32(table, rowIndex, out, dim, from, to));
    }

    @Override
    public void gatherQ8(byte[] qs, float[] scales, int[] rowIndex, float[] out, int dim, int count) {
        runner.parallelFor(count * dim, 1,
                (from, to) -> GatherKernels.gatherQ8(qs, scales, rowIndex, out, dim, from, to));
    }

    @Override
    public void selectRows(float[] x, int[] rowIndex, float[] out, int dim, int count) {
        gatherF32(x, rowIndex, out, dim, count);
    }

    @Override
    public void rmsNorm(float[] x, float[] inv, float[] weight, float[] out, int dim, float eps, int rows) {
        runner.parallelFor(rows, dim, (from, to) -> NormKernels.rmsInverse(x, inv, dim, eps, from, to));
        runner.parallelFor(rows * dim, 2, (from, to) -> NormKernels.rmsScale(x, inv, weight, out, dim, from, to));
    }

    @Override
    public void rope(float[] vec, int[] positions, float[] freqFactors, int heads, int headDim, float theta,
                     int tokens) {
        float[] table = ropeTable(positions, freqFactors, headDim, theta, tokens);
        runner.parallelFor(tokens * heads * headDim / 2, 4,
                (from, to) -> RopeKernels.rotate(vec, table, heads, headDim, from, to));
    }

    /**
     * The cos/sin table of {@link RopeKernels#angles} for these positions, computed once and reused
     * while the positions stay the same: a forward pass rotates Q and K of every layer at the same
     * positions (18 calls per token on the 100m model), and the angles' {@code pow}/{@code cos}/{@code sin}
     * were most of RoPE's time. Bit-identical to {@link RopeKernels#rope}.
     */
    private float[] ropeTable(int[] positions, float[] freqFactors, int headDim, float theta, int tokens) {
        RopeTable cached = ropeTable;
        if (cached != null && cached.matches(positions, freqFactors, headDim, theta, tokens)) {
            return cached.table();
        }
        float[] table = new float[tokens * headDim];
        runner.parallelFor(tokens, headDim * 64,
                (from, to) -> RopeKernels.angles(positions, freqFactors, headDim, theta, table, from, to));
        ropeTable = new RopeTable(Arrays.copyOf(positions, tokens), freqFactors.clone(), headDim, theta, table);
        return table;
    }

    /** A computed RoPE table and the inputs it was computed for (immutable once published). */
    private record RopeTable(int[] positions, float[] freqFactors, int headDim, float theta, float[] table) {
        boolean matches(int[] p, float[] f, int hd, float th, int tokens) {
            return Arrays.equals(f, freqFactors) && hd == headDim && Float.compare(th, theta) == 0
                    && positions.length == tokens && Arrays.equals(positions, 0, tokens, p, 0, tokens);
        }
    }

    @Override
    public void attention(AttentionArgs a) {
        int kvDim = a.kvDim();
        runner.parallelFor(a.tokens() * kvDim, 1, (from, to) -> AttentionKernels.kvWrite(a.k(), a.v(), a.kCache(),
                a.vCache(), a.slots(), kvDim, from, to));
        int rows = a.tokens() * a.heads();
        // gathers and scalar loops (softmax; the plain path): a multiply-add here costs several times a
        // 16-lane one of the matmuls, so the per-index cost is scaled up to let a batch-1 token's heads
        // split across the threads.
        // One launch per (token, head) row range: its scores, their softmax and the weighted values
        // touch only that row, so the three kernels run back to back on one slice with one barrier
        // instead of three (27 launches fewer per token on the 100m model; same arithmetic per row)
        int cost = SCALAR * (a.stride() * (2 * a.headDim() + 4));
        runner.parallelFor(rows, cost, (from, to) -> {
            path.attentionScores(a, from, to);
            SoftmaxKernels.softmaxRows(a.scores(), a.lengths(), a.stride(), from, to);
            path.attentionValues(a, from, to);
        });
    }

    @Override
    public void swiglu(float[] gate, float[] up, int n) {
        runner.parallelFor(n, SCALAR * 8, (from, to) -> ActivationKernels.swiglu(gate, up, from, to));
    }

    @Override
    public void addInPlace(float[] x, float[] y, int n) {
        runner.parallelFor(n, 1, (from, to) -> ActivationKernels.addInPlace(x, y, from, to));
    }

    @Override
    public void argmaxRows(float[] logits, int[] out, int vocab, int rows) {
        runner.parallelFor(rows, vocab, (from, to) -> ActivationKernels.argmaxRows(logits, out, vocab, from, to));
    }

    @Override
    public void close() {
        runner.close();
    }
}
