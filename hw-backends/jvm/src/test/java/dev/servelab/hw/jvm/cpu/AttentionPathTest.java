package dev.servelab.hw.jvm.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.kernels.AttentionKernels;
import dev.servelab.hw.kernels.GaussianArrays;
import dev.servelab.hw.kernels.SoftmaxKernels;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector API attention ({@link VectorAttention}, through {@link MatmulPath#best()}) gives every
 * score and every output element of the plain kernels ({@link AttentionKernels#scores},
 * {@link AttentionKernels#values}) bit for bit: over a scrambled block table, for a prefill chunk and
 * a decode row of two sequences in one batch, head sizes below, at and past a vector's width, contexts
 * shorter and longer than a vector of positions, and whatever the work-items are cut into.
 */
class AttentionPathTest {

    @ParameterizedTest(name = "{0} heads / {1} kv heads of {2}, blocks of {3}, contexts {4} and {5}")
    @CsvSource({"16, 4, 64, 16, 37, 50", "4, 2, 16, 4, 11, 6", "8, 8, 20, 16, 16, 33", "6, 3, 8, 4, 3, 70",
            "2, 1, 72, 32, 100, 1"})
    void scoresAndValuesAreThePlainKernelsBitForBit(int heads, int kvHeads, int headDim, int blockSize,
                                                    int prefill, int decodeContext) {
        assertTrue(MatmulPath.vectorApiPresent(), "the tests run with the Vector API module");
        Batch b = new Batch(new Random(heads * 131L + headDim * 7L + prefill), heads, kvHeads, headDim, blockSize,
                prefill, decodeContext);
        AttentionArgs plain = b.args(), vector = b.args();
        int rows = b.rows * heads;
        AttentionKernels.scores(plain.q(), plain.kCache(), plain.scores(), plain.positions(), plain.tokenSeq(),
                plain.blockTables(), plain.maxBlocks(), blockSize, heads, kvHeads, headDim, plain.stride(), 0, rows);
        SoftmaxKernels.softmaxRows(plain.scores(), plain.lengths(), plain.stride(), 0, rows);
        AttentionKernels.values(plain.scores(), plain.vCache(), plain.out(), plain.positions(), plain.tokenSeq(),
                plain.blockTables(), plain.maxBlocks(), blockSize, heads, kvHeads, headDim, plain.stride(), 0, rows);
        for (int chunk : new int[] {rows, 1, 3, heads + 1}) {
            Arrays.fill(vector.scores(), 0f);
            Arrays.fill(vector.out(), Float.NaN);
            for (int from = 0; from < rows; from += chunk) {
                int to = Math.min(rows, from + chunk);
                MatmulPath.best().attentionScores(vector, from, to);
                SoftmaxKernels.softmaxRows(vector.scores(), vector.lengths(), vector.stride(), from, to);
                MatmulPath.best().attentionValues(vector, from, to);
            }
            assertArrayEquals(bits(plain.scores()), bits(vector.scores()), "scores, work-items in slices of " + chunk);
            assertArrayEquals(bits(plain.out()), bits(vector.out()), "outputs, work-items in slices of " + chunk);
        }
    }

    private static int[] bits(float[] a) {
        int[] bits = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            bits[i] = Float.floatToRawIntBits(a[i]);
        }
        return bits;
    }

    /** Sequence 0's prefill chunk (positions {@code 0 .. prefill-1}) and sequence 1's decode row. */
    private static final class Batch {
        final int heads, kvHeads, headDim, blockSize, rows, maxBlocks, stride;
        final float[] q, kCache, vCache;
        final int[] positions, tokenSeq, blockTables, lengths;

        Batch(Random rnd, int heads, int kvHeads, int headDim, int blockSize, int prefill, int decodeContext) {
            this.heads = heads;
            this.kvHeads = kvHeads;
            this.headDim = headDim;
            this.blockSize = blockSize;
            this.rows = prefill + 1;
            this.stride = Math.max(prefill, decodeContext);
            this.maxBlocks = (stride + blockSize - 1) / blockSize;
            int blocks = 2 * maxBlocks + 3;
            int[] pool = shuffled(rnd, blocks);
            this.blockTables = Arrays.copyOf(pool, 2 * maxBlocks);
            int kvDim = kvHeads * headDim;
            this.kCache = GaussianArrays.of(rnd, blocks * blockSize * kvDim);
            this.vCache = GaussianArrays.of(rnd, blocks * blockSize * kvDim);
            this.q = GaussianArrays.of(rnd, rows * heads * headDim);
            this.positions = new int[rows];
            this.tokenSeq = new int[rows];
            for (int p = 0; p < prefill; p++) {
                positions[p] = p;
            }
            positions[prefill] = decodeContext - 1;
            tokenSeq[prefill] = 1;
            this.lengths = new int[rows * heads];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = positions[i / heads] + 1;
            }
        }

        AttentionArgs args() {
            return new AttentionArgs(q, null, null, kCache, vCache, null, positions, tokenSeq, blockTables, maxBlocks,
                    blockSize, heads, kvHeads, headDim, rows, stride, new float[rows * heads * stride],
                    lengths, new float[rows * heads * headDim]);
        }

        private static int[] shuffled(Random rnd, int n) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            return a;
        }
    }
}
