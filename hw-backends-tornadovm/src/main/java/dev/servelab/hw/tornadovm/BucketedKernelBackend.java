package dev.servelab.hw.tornadovm;

import static dev.servelab.hw.tornadovm.ShapeBuckets.bucket;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.backend.KernelBackend;
import java.util.Arrays;

/**
 * Runs every operation on {@code device} with its shapes rounded up to {@link ShapeBuckets} and its
 * activations staged in {@link StagingArrays}: the device backend sees the same arrays and scalars
 * for every call of one bucket, so it compiles and caches one TaskGraph per bucket. Padded rows
 * compute on harmless inputs (row 0, position 0, a context of 1) and are never copied back; padded
 * tokens write their K/V to one scratch block appended to the staged cache, never to a real slot.
 * Weights are passed through untouched. Pure Java: its tests run it over the JVM backend.
 */
final class BucketedKernelBackend implements KernelBackend {
    private final KernelBackend device;
    private final StagingArrays staged = new StagingArrays();

    BucketedKernelBackend(KernelBackend device) {
        this.device = device;
    }

    @Override
    public String name() {
        return device.name();
    }

    @Override
    public String describe() {
        return device.describe() + " shapes=pow2";
    }

    @Override
    public void matmulF32(float[] w, float[] x, float[] out, int rows, int cols, int tokens) {
        int tb = bucket(tokens);
        float[] xs = staged.floatsFrom("matmul.x", x, tokens * cols, tb * cols);
        float[] os = staged.floats("matmul.out", tb * rows);
        device.matmulF32(w, xs, os, rows, cols, tb);
        System.arraycopy(os, 0, out, 0, tokens * rows);
    }

    @Override
    public void matmulQ8(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens) {
        int tb = bucket(tokens);
        float[] xs = staged.floatsFrom("matmul.x", x, tokens * cols, tb * cols);
        float[] os = staged.floats("matmul.out", tb * rows);
        device.matmulQ8(qs, scales, xs, os, rows, cols, tb);
        System.arraycopy(os, 0, out, 0, tokens * rows);
    }

    @Override
    public void gatherF32(float[] table, int[] rowIndex, float[] out, int dim, int count) {
        int cb = bucket(count);
        int[] idx = staged.intsFrom("gather.rows", rowIndex, count, cb, 0);
        float[] os = staged.floats("gather.out", cb * dim);
        device.gatherF32(table, idx, os, dim, cb);
        System.arraycopy(os, 0, out, 0, count * dim);
    }

    @Override
    public void gatherQ8(byte[] qs, float[] scales, int[] rowIndex, float[] out, int dim, int count) {
        int cb = bucket(count);
        int[] idx = staged.intsFrom("gather.rows", rowIndex, count, cb, 0);
        float[] os = staged.floats("gather.out", cb * dim);
        device.gatherQ8(qs, scales, idx, os, dim, cb);
        System.arraycopy(os, 0, out, 0, count * dim);
    }

    @Override
    public void selectRows(float[] x, int[] rowIndex, float[] out, int dim, int count) {
        int cb = bucket(count);
        int[] idx = staged.intsFrom("select.rows", rowIndex, count, cb, 0);
        int used = maxRow(rowIndex, count) + 1;
        float[] xs = staged.floatsFrom("select.x", x, used * dim, bucket(used) * dim);
        float[] os = staged.floats("select.out", cb * dim);
        device.selectRows(xs, idx, os, dim, cb);
        System.arraycopy(os, 0, out, 0, count * dim);
    }

    @Override
    public void rmsNorm(float[] x, float[] inv, float[] weight, float[] out, int dim, float eps, int rows) {
        int rb = bucket(rows);
        float[] xs = staged.floatsFrom("norm.x", x, rows * dim, rb * dim);
        float[] invs = staged.floats("norm.inv", rb);
        float[] os = staged.floats("norm.out", rb * dim);
        device.rmsNorm(xs, invs, weight, os, dim, eps, rb);
        System.arraycopy(os, 0, out, 0, rows * dim);
    }

    @Override
    public void rope(float[] vec, int[] positions, float[] freqFactors, int heads, int headDim, float theta,
                     int tokens) {
        int tb = bucket(tokens);
        int row = heads * headDim;
        float[] vs = staged.floatsFrom("rope.vec", vec, tokens * row, tb * row);
        int[] pos = staged.intsFrom("rope.positions", positions, tokens, tb, 0);
        device.rope(vs, pos, freqFactors, heads, headDim, theta, tb);
        System.arraycopy(vs, 0, vec, 0, tokens * row);
    }

    @Override
    public void attention(AttentionArgs a) {
        int t = a.tokens();
        int tb = bucket(t);
        int kvDim = a.kvDim();
        int qRow = a.heads() * a.headDim();
        int sequences = a.maxBlocks() == 0 ? 0 : a.blockTables().length / a.maxBlocks();
        int mb = bucket(a.maxBlocks());
        int sb = bucket(sequences);
        int stride = bucket(a.stride());
        int cacheLength = a.kCache().length;
        int scratchSlot = cacheLength / kvDim;
        int stagedCache = cacheLength + a.blockSize() * kvDim;

        float[] q = staged.floatsFrom("attn.q", a.q(), t * qRow, tb * qRow);
        float[] k = staged.floatsFrom("attn.k", a.k(), t * kvDim, tb * kvDim);
        float[] v = staged.floatsFrom("attn.v", a.v(), t * kvDim, tb * kvDim);
        float[] kc = staged.floatsFrom("attn.kcache", a.kCache(), cacheLength, stagedCache);
        float[] vc = staged.floatsFrom("attn.vcache", a.vCache(), cacheLength, stagedCache);
        int[] slots = staged.intsFrom("attn.slots", a.slots(), t, tb, scratchSlot);
        int[] pos = staged.intsFrom("attn.positions", a.positions(), t, tb, 0);
        int[] seq = staged.intsFrom("attn.seq", a.tokenSeq(), t, tb, 0);
        int[] tables = staged.ints("attn.tables", sb * mb);
        Arrays.fill(tables, 0);
        for (int s = 0; s < sequences; s++) {
            System.arraycopy(a.blockTables(), s * a.maxBlocks(), tables, s * mb, a.maxBlocks());
        }
        int[] lengths = staged.intsFrom("attn.lengths", a.lengths(), t * a.heads(), tb * a.heads(), 1);
        float[] scores = staged.floats("attn.scores", tb * a.heads() * stride);
        float[] out = staged.floats("attn.out", tb * qRow);

        device.attention(new AttentionArgs(q, k, v, kc, vc, slots, pos, seq, tables, mb, a.blockSize(), a.heads(),
                a.kvHeads(), a.headDim(), tb, stride, scores, lengths, out));

        System.arraycopy(out, 0, a.out(), 0, t * qRow);
        for (int i = 0; i < t; i++) {
            int off = a.slots()[i] * kvDim;
            System.arraycopy(kc, off, a.kCache(), off, kvDim);
            System.arraycopy(vc, off, a.vCache(), off, kvDim);
        }
    }

    @Override
    public void swiglu(float[] gate, float[] up, int n) {
        int nb = bucket(n);
        float[] g = staged.floatsFrom("swiglu.gate", gate, n, nb);
        float[] u = staged.floatsFrom("swiglu.up", up, n, nb);
        device.swiglu(g, u, nb);
        System.arraycopy(g, 0, gate, 0, n);
    }

    @Override
    public void addInPlace(float[] x, float[] y, int n) {
        int nb = bucket(n);
        float[] xs = staged.floatsFrom("add.x", x, n, nb);
        float[] ys = staged.floatsFrom("add.y", y, n, nb);
        device.addInPlace(xs, ys, nb);
        System.arraycopy(xs, 0, x, 0, n);
    }

    @Override
    public void argmaxRows(float[] logits, int[] out, int vocab, int rows) {
        int rb = bucket(rows);
        float[] ls = staged.floatsFrom("argmax.logits", logits, rows * vocab, rb * vocab);
        int[] os = staged.ints("argmax.out", rb);
        device.argmaxRows(ls, os, vocab, rb);
        System.arraycopy(os, 0, out, 0, rows);
    }

    @Override
    public void close() {
        staged.clear();
        device.close();
    }

    private static int maxRow(int[] rowIndex, int count) {
        int max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, rowIndex[i]);
        }
        return max;
    }
}
