package dev.servelab.hw.tornadovm;

import dev.servelab.hw.kernels.ActivationKernels;
import dev.servelab.hw.kernels.AttentionKernels;
import dev.servelab.hw.kernels.GatherKernels;
import dev.servelab.hw.kernels.MatmulKernels;
import dev.servelab.hw.kernels.NormKernels;
import dev.servelab.hw.kernels.RopeKernels;
import dev.servelab.hw.kernels.SoftmaxKernels;
import uk.ac.manchester.tornado.api.annotations.Parallel;

/**
 * The kernels of {@link dev.servelab.hw.kernels} in the shape TornadoVM parallelises: a loop from a
 * constant 0 carrying TornadoVM's own {@link Parallel}, each iteration calling the unchanged kernel
 * on the one-element range {@code [i, i + 1)} (TornadoVM inlines it). TornadoVM's loop parallelizer
 * rejects a parallel loop whose start is not a constant ("non-constant loop strides"), and the
 * kernels start at their {@code from} parameter so the JVM backend can slice them; so TornadoVM runs
 * with its default {@code tornado.load.annotation.parallel} and never sees ServeLab's annotation
 * (whose local-variable declaration annotations javac does not write into class files anyway).
 */
final class DeviceKernels {
    private DeviceKernels() {
    }

    static void matmulF32(float[] w, float[] x, float[] out, int rows, int cols, int tokens) {
        for (@Parallel int r = 0; r < rows; r++) {
            MatmulKernels.matmulF32(w, x, out, rows, cols, tokens, r, r + 1);
        }
    }

    static void matmulQ8(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens) {
        for (@Parallel int r = 0; r < rows; r++) {
            MatmulKernels.matmulQ8(qs, scales, x, out, rows, cols, tokens, r, r + 1);
        }
    }

    static void gatherF32(float[] table, int[] rowIndex, float[] out, int dim, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            GatherKernels.gatherF32(table, rowIndex, out, dim, i, i + 1);
        }
    }

    static void gatherQ8(byte[] qs, float[] scales, int[] rowIndex, float[] out, int dim, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            GatherKernels.gatherQ8(qs, scales, rowIndex, out, dim, i, i + 1);
        }
    }

    static void rmsInverse(float[] x, float[] inv, int dim, float eps, int rows) {
        for (@Parallel int t = 0; t < rows; t++) {
            NormKernels.rmsInverse(x, inv, dim, eps, t, t + 1);
        }
    }

    static void rmsScale(float[] x, float[] inv, float[] weight, float[] out, int dim, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            NormKernels.rmsScale(x, inv, weight, out, dim, i, i + 1);
        }
    }

    static void rope(float[] vec, int[] positions, float[] freqFactors, int heads, int headDim, float theta,
                     int pairs) {
        for (@Parallel int i = 0; i < pairs; i++) {
            RopeKernels.rope(vec, positions, freqFactors, heads, headDim, theta, i, i + 1);
        }
    }

    static void scores(float[] q, float[] kCache, float[] scores, int[] positions, int[] tokenSeq,
                       int[] blockTables, int maxBlocks, int blockSize, int heads, int kvHeads, int headDim,
                       int stride, int rows) {
        for (@Parallel int i = 0; i < rows; i++) {
            AttentionKernels.scores(q, kCache, scores, positions, tokenSeq, blockTables, maxBlocks, blockSize, heads,
                    kvHeads, headDim, stride, i, i + 1);
        }
    }

    static void softmaxRows(float[] data, int[] lengths, int stride, int rows) {
        for (@Parallel int row = 0; row < rows; row++) {
            SoftmaxKernels.softmaxRows(data, lengths, stride, row, row + 1);
        }
    }

    static void values(float[] scores, float[] vCache, float[] out, int[] positions, int[] tokenSeq,
                       int[] blockTables, int maxBlocks, int blockSize, int heads, int kvHeads, int headDim,
                       int stride, int rows) {
        for (@Parallel int i = 0; i < rows; i++) {
            AttentionKernels.values(scores, vCache, out, positions, tokenSeq, blockTables, maxBlocks, blockSize, heads,
                    kvHeads, headDim, stride, i, i + 1);
        }
    }

    static void swiglu(float[] gate, float[] up, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            ActivationKernels.swiglu(gate, up, i, i + 1);
        }
    }

    static void addInPlace(float[] x, float[] y, int n) {
        for (@Parallel int i = 0; i < n; i++) {
            ActivationKernels.addInPlace(x, y, i, i + 1);
        }
    }

    static void argmaxRows(float[] logits, int[] out, int vocab, int rows) {
        for (@Parallel int row = 0; row < rows; row++) {
            ActivationKernels.argmaxRows(logits, out, vocab, row, row + 1);
        }
    }
}
