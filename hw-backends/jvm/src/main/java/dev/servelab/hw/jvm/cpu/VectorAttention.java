package dev.servelab.hw.jvm.cpu;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.kernels.AttentionKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AttentionKernels#scores} and {@link AttentionKernels#values} with the Vector API, bit for
 * bit: every lane adds its products in the scalar kernel's order, a multiply then an add (never a
 * fused multiply-add), so every score and output equals the kernel's.
 *
 * <p>Scores take one lane per cached position, {@code L} positions at a time, each lane summing
 * {@code q . k} over {@code d = 0, 1, ...}; the keys of the lanes' positions are gathered through
 * the block table (one {@code vgatherdps} per {@code d}); the last {@code < L} positions of a row
 * take the scalar loop. Values take one lane per element of the head, {@code L} elements at a time,
 * summing over the positions in order. Both scalar kernels were chains of dependent adds: at batch 1
 * on the 100m model attention was 7 % of a Q8_0 decode step, more than the residual adds, norms and
 * RoPE together (docs/PERFORMANCE.md).
 */
final class VectorAttention {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final ThreadLocal<int[]> OFFSETS = ThreadLocal.withInitial(() -> new int[0]);

    private VectorAttention() {
    }

    /** The scores of work-items (token, head) {@code [from, to)}; see {@link AttentionKernels#scores}. */
    static void scores(AttentionArgs a, int from, int to) {
        int heads = a.heads();
        int headDim = a.headDim();
        int group = heads / a.kvHeads();
        float scale = (float) (1.0 / Math.sqrt(headDim));
        int[] offsets = null;
        for (int i = from; i < to; i++) {
            int t = i / heads;
            int h = i - t * heads;
            int n = a.positions()[t] + 1;
            if (offsets == null || h == 0) {
                offsets = keyOffsets(a, t, n);
            }
            int qOff = t * heads * headDim + h * headDim;
            int kvHeadOff = (h / group) * headDim;
            int sOff = i * a.stride();
            int p = 0;
            for (; p + L <= n; p += L) {
                FloatVector dot = FloatVector.zero(F);
                for (int d = 0; d < headDim; d++) {
                    dot = dot.add(FloatVector.fromArray(F, a.kCache(), kvHeadOff + d, offsets, p).mul(a.q()[qOff + d]));
                }
                dot.mul(scale).intoArray(a.scores(), sOff + p);
            }
            for (; p < n; p++) {
                int kOff = offsets[p] + kvHeadOff;
                float dot = 0f;
                for (int d = 0; d < headDim; d++) {
                    dot += a.q()[qOff + d] * a.kCache()[kOff + d];
                }
                a.scores()[sOff + p] = dot * scale;
            }
        }
    }

    /** The weighted values of work-items (token, head) {@code [from, to)}; see {@link AttentionKernels#values}. */
    static void values(AttentionArgs a, int from, int to) {
        int heads = a.heads();
        int headDim = a.headDim();
        int group = heads / a.kvHeads();
        int vector = headDim - headDim % L;
        int[] offsets = null;
        for (int i = from; i < to; i++) {
            int t = i / heads;
            int h = i - t * heads;
            int n = a.positions()[t] + 1;
            if (offsets == null || h == 0) {
                offsets = keyOffsets(a, t, n);
            }
            int oOff = t * heads * headDim + h * headDim;
            int kvHeadOff = (h / group) * headDim;
            int sOff = i * a.stride();
            for (int d = 0; d < vector; d += L) {
                FloatVector acc = FloatVector.zero(F);
                for (int p = 0; p < n; p++) {
                    acc = acc.add(FloatVector.fromArray(F, a.vCache(), offsets[p] + kvHeadOff + d).mul(a.scores()[sOff + p]));
                }
                acc.intoArray(a.out(), oOff + d);
            }
            for (int d = vector; d < headDim; d++) {
                float acc = 0f;
                for (int p = 0; p < n; p++) {
                    acc += a.scores()[sOff + p] * a.vCache()[offsets[p] + kvHeadOff + d];
                }
                a.out()[oOff + d] = acc;
            }
        }
    }

    /**
     * Where each position {@code 0 .. n-1} of token {@code t}'s sequence starts in a cache pool
     * ({@code slot * kvDim}), walking the block table a block at a time (no division per position);
     * a per-thread buffer, valid until this thread's next call.
     */
    private static int[] keyOffsets(AttentionArgs a, int t, int n) {
        int[] offsets = OFFSETS.get();
        if (offsets.length < n) {
            offsets = new int[Math.max(n, 2 * offsets.length)];
            OFFSETS.set(offsets);
        }
        int bs = a.blockSize();
        int kvDim = a.kvDim();
        int tableOff = a.tokenSeq()[t] * a.maxBlocks();
        for (int p0 = 0, b = 0; p0 < n; p0 += bs, b++) {
            int base = a.blockTables()[tableOff + b] * bs * kvDim;
            int end = Math.min(n, p0 + bs);
            for (int p = p0; p < end; p++) {
                offsets[p] = base + (p - p0) * kvDim;
            }
        }
        return offsets;
    }
}
