package dev.servelab.hw.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Attention through a scrambled block table equals plain causal attention over contiguous K/V. */
class PagedAttentionTest {
    private static final int HEADS = 4, KV_HEADS = 2, HEAD_DIM = 8, KV_DIM = KV_HEADS * HEAD_DIM, BLOCK = 4;

    @Test
    void pagedEqualsContiguousForPrefillAndDecodeRowsOfTwoSequences() {
        Random rnd = new Random(7);
        int[] lengths = {11, 6};
        int[][] tables = {{5, 0, 9}, {3, 7}};
        int blocks = 10;
        float[][] keys = new float[2][], values = new float[2][];
        float[] kCache = new float[blocks * BLOCK * KV_DIM], vCache = new float[blocks * BLOCK * KV_DIM];
        for (int s = 0; s < 2; s++) {
            keys[s] = GaussianArrays.of(rnd, lengths[s] * KV_DIM);
            values[s] = GaussianArrays.of(rnd, lengths[s] * KV_DIM);
            int[] slots = new int[lengths[s]];
            for (int p = 0; p < lengths[s]; p++) {
                slots[p] = tables[s][p / BLOCK] * BLOCK + p % BLOCK;
            }
            AttentionKernels.kvWrite(keys[s], values[s], kCache, vCache, slots, KV_DIM, 0, lengths[s] * KV_DIM);
        }
        // rows: every position of sequence 0 (a prefill), the last position of sequence 1 (a decode)
        int rows = lengths[0] + 1;
        int[] pos = new int[rows], seq = new int[rows];
        for (int p = 0; p < lengths[0]; p++) {
            pos[p] = p;
        }
        pos[rows - 1] = lengths[1] - 1;
        seq[rows - 1] = 1;
        int maxBlocks = 3;
        int[] flat = {5, 0, 9, 3, 7, 0};
        float[] q = GaussianArrays.of(rnd, rows * HEADS * HEAD_DIM);
        int stride = 11;
        float[] scores = new float[rows * HEADS * stride];
        int[] rowLengths = new int[rows * HEADS];
        for (int i = 0; i < rowLengths.length; i++) {
            rowLengths[i] = pos[i / HEADS] + 1;
        }
        float[] out = new float[rows * HEADS * HEAD_DIM];
        AttentionKernels.scores(q, kCache, scores, pos, seq, flat, maxBlocks, BLOCK, HEADS, KV_HEADS, HEAD_DIM, stride, 0, rows * HEADS);
        SoftmaxKernels.softmaxRows(scores, rowLengths, stride, 0, rows * HEADS);
        AttentionKernels.values(scores, vCache, out, pos, seq, flat, maxBlocks, BLOCK, HEADS, KV_HEADS, HEAD_DIM, stride, 0, rows * HEADS);

        for (int r = 0; r < rows; r++) {
            float[] expected = contiguous(q, r, keys[seq[r]], values[seq[r]], pos[r]);
            float[] actual = java.util.Arrays.copyOfRange(out, r * HEADS * HEAD_DIM, (r + 1) * HEADS * HEAD_DIM);
            assertArrayEquals(expected, actual, 1e-5f, "row " + r);
        }
    }

    /** Textbook causal GQA attention of one query row over contiguous K/V (double precision). */
    private static float[] contiguous(float[] q, int row, float[] k, float[] v, int pos) {
        float[] out = new float[HEADS * HEAD_DIM];
        for (int h = 0; h < HEADS; h++) {
            int kvh = h / (HEADS / KV_HEADS);
            double[] w = new double[pos + 1];
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int p = 0; p <= pos; p++) {
                double dot = 0;
                for (int d = 0; d < HEAD_DIM; d++) {
                    dot += q[row * HEADS * HEAD_DIM + h * HEAD_DIM + d] * k[p * KV_DIM + kvh * HEAD_DIM + d];
                }
                w[p] = dot / Math.sqrt(HEAD_DIM);
                max = Math.max(max, w[p]);
            }
            for (int p = 0; p <= pos; p++) {
                w[p] = Math.exp(w[p] - max);
                sum += w[p];
            }
            for (int d = 0; d < HEAD_DIM; d++) {
                double acc = 0;
                for (int p = 0; p <= pos; p++) {
                    acc += w[p] / sum * v[p * KV_DIM + kvh * HEAD_DIM + d];
                }
                out[h * HEAD_DIM + d] = (float) acc;
            }
        }
        return out;
    }
}
