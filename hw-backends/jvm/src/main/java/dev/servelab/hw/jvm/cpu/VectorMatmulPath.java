package dev.servelab.hw.jvm.cpu;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.kernels.MatmulKernels;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatmulPath} with the Vector API: several independent FMA accumulators per row so that the
 * loop is bound by memory, not by FMA latency; Q8_0 blocks are widened byte-to-float in registers.
 * For a batch, a Q8_0 row is dequantised once into a per-thread buffer and reused for every token.
 * Q4_0 and Q4_K nibbles are widened byte-to-int, masked and shifted in int lanes, then converted.
 * At batch 1 an F32 matmul takes two rows per pass, so each activation vector loaded serves two
 * weight rows and two memory streams are in flight; a Q8_0 matmul takes four rows a quarter of the
 * slice apart (four streams in four different pages, see {@link #dotQ8x4}), and so does a Q4_0
 * matmul, on activations prepared once per slice so that nibbles need fewer integer operations
 * ({@link #prepareQ4_0}).
 * Only loaded when {@link MatmulPath#vectorApiPresent()}.
 */
enum VectorMatmulPath implements MatmulPath {
    INSTANCE;

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final VectorSpecies<Byte> B =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(F.vectorBitSize() / 4));
    private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> QUARTER = FloatVector.SPECIES_128;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> PREPARED = ThreadLocal.withInitial(() -> new float[0]);

    @Override
    public void f32(float[] w, float[] x, float[] out, int rows, int cols, int tokens, int from, int to) {
        float[] lanes = new float[L];
        int r = from;
        if (tokens == 1) {
            int quarter = L == 16 ? (to - from) / 4 : 0;
            if (quarter > 0) {
                dotF32x4(w, from, quarter, x, cols, out);
                r = from + 4 * quarter;
            }
            for (; r + 2 <= to; r += 2) {
                dot2(w, r * cols, x, cols, out, r, lanes);
            }
            if (r < to) {
                // an odd slice's last row: dot2's arithmetic for one row, so that a row's result does
                // not depend on where the slices (and so the thread count) cut the matrix
                out[r] = dot2Row(w, r * cols, x, cols, lanes);
                r++;
            }
        }
        if (tokens >= 4) {
            for (; r + 2 <= to; r += 2) {
                int t = 0;
                for (; t + 4 <= tokens; t += 4) {
                    dot2x4(w, r * cols, x, t * cols, cols, out, t * rows + r, rows, lanes);
                }
                for (; t < tokens; t++) {
                    out[t * rows + r] = dot(w, r * cols, x, t * cols, cols, lanes);
                    out[t * rows + r + 1] = dot(w, (r + 1) * cols, x, t * cols, cols, lanes);
                }
            }
        }
        for (; r < to; r++) {
            rowTimesTokens(w, r * cols, x, out, rows, cols, tokens, r, lanes);
        }
    }

    @Override
    public void q8(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens,
                   int from, int to) {
        if (L != 8 && L != 16) {
            MatmulKernels.matmulQ8(qs, scales, x, out, rows, cols, tokens, from, to);
            return;
        }
        float[] lanes = new float[4 * L];
        if (tokens == 1) {
            int quarter = L == 16 ? (to - from) / 4 : 0;
            if (quarter > 0) {
                dotQ8x4(qs, scales, from, quarter, x, cols, out, lanes);
            }
            for (int r = from + 4 * quarter; r < to; r++) {
                out[r] = dotQ8(qs, scales, r, x, cols, lanes);
            }
            return;
        }
        float[] pair = rowBuffer(2 * cols);
        int r = from;
        for (; r + 2 <= to; r += 2) {
            dequantRow(qs, scales, r, cols, pair, 0);
            dequantRow(qs, scales, r + 1, cols, pair, cols);
            int t = 0;
            for (; t + 4 <= tokens; t += 4) {
                dot2x4(pair, 0, x, t * cols, cols, out, t * rows + r, rows, lanes);
            }
            for (; t < tokens; t++) {
                out[t * rows + r] = dot(pair, 0, x, t * cols, cols, lanes);
                out[t * rows + r + 1] = dot(pair, cols, x, t * cols, cols, lanes);
            }
        }
        for (; r < to; r++) {
            dequantRow(qs, scales, r, cols, pair, 0);
            rowTimesTokens(pair, 0, x, out, rows, cols, tokens, r, lanes);
        }
    }

    @Override
    public void q4_0(byte[] qs, float[] scales, float[] x, float[] out, int rows, int cols, int tokens,
                     int from, int to) {
        if (L > 16 || MatmulKernels.Q4_BLOCK_BYTES % L != 0) {
            MatmulKernels.matmulQ4_0(qs, scales, x, out, rows, cols, tokens, from, to);
            return;
        }
        float[] lanes = new float[L];
        if (tokens == 1 && L == 16) {
            float[] prepared = prepareQ4_0(x, cols);
            int quarter = (to - from) / 4;
            if (quarter > 0) {
                dotQ4_0x4(qs, scales, from, quarter, prepared, cols, out, lanes);
            }
            for (int r = from + 4 * quarter; r < to; r++) {
                out[r] = dotQ4_0Prepared(qs, scales, r, prepared, cols, lanes);
            }
            return;
        }
        if (tokens == 1) {
            for (int r = from; r < to; r++) {
                out[r] = dotQ4_0(qs, scales, r, x, cols, lanes);
            }
            return;
        }
        float[] pair = rowBuffer(2 * cols);
        int r = from;
        for (; r + 2 <= to; r += 2) {
            dequantRowQ4_0(qs, scales, r, cols, pair, 0);
            dequantRowQ4_0(qs, scales, r + 1, cols, pair, cols);
            pairTimesTokens(pair, x, out, rows, cols, tokens, r, lanes);
        }
        for (; r < to; r++) {
            dequantRowQ4_0(qs, scales, r, cols, pair, 0);
            rowTimesTokens(pair, 0, x, out, rows, cols, tokens, r, lanes);
        }
    }

    @Override
    public void q4K(byte[] qs, float[] scales, float[] mins, float[] x, float[] out, int rows, int cols, int tokens,
                    int from, int to) {
        if (L > 32 || 32 % L != 0) {
            MatmulKernels.matmulQ4K(qs, scales, mins, x, out, rows, cols, tokens, from, to);
            return;
        }
        float[] lanes = new float[L];
        if (tokens == 1) {
            for (int r = from; r < to; r++) {
                out[r] = dotQ4K(qs, scales, mins, r, x, cols, lanes);
            }
            return;
        }
        float[] pair = rowBuffer(2 * cols);
        int r = from;
        for (; r + 2 <= to; r += 2) {
            dequantRowQ4K(qs, scales, mins, r, cols, pair, 0);
            dequantRowQ4K(qs, scales, mins, r + 1, cols, pair, cols);
            pairTimesTokens(pair, x, out, rows, cols, tokens, r, lanes);
        }
        for (; r < to; r++) {
            dequantRowQ4K(qs, scales, mins, r, cols, pair, 0);
            rowTimesTokens(pair, 0, x, out, rows, cols, tokens, r, lanes);
        }
    }

    /** Two dequantised rows (back to back in {@code pair}) times every token. */
    private static void pairTimesTokens(float[] pair, float[] x, float[] out, int rows, int cols, int tokens, int r,
                                        float[] lanes) {
        int t = 0;
        for (; t + 4 <= tokens; t += 4) {
            dot2x4(pair, 0, x, t * cols, cols, out, t * rows + r, rows, lanes);
        }
        for (; t < tokens; t++) {
            out[t * rows + r] = dot(pair, 0, x, t * cols, cols, lanes);
            out[t * rows + r + 1] = dot(pair, cols, x, t * cols, cols, lanes);
        }
    }

    /** {@code L} bytes from {@code off} sign-extended to int lanes. */
    private static IntVector bytesToInts(byte[] qs, int off) {
        return (IntVector) ByteVector.fromArray(B, qs, off).convertShape(VectorOperators.B2I, I, 0);
    }

    private static FloatVector lowNibbles(IntVector packed, int minus) {
        return (FloatVector) packed.and(0x0F).sub(minus).convert(VectorOperators.I2F, 0);
    }

    private static FloatVector highNibbles(IntVector packed, int minus) {
        return (FloatVector) packed.lanewise(VectorOperators.ASHR, 4).and(0x0F).sub(minus)
                .convert(VectorOperators.I2F, 0);
    }

    static float dotQ4_0(byte[] qs, float[] scales, int r, float[] x, int cols, float[] lanes) {
        int blocks = cols / MatmulKernels.Q4_BLOCK;
        FloatVector even = FloatVector.zero(F), odd = even;
        int block0 = r * blocks;
        for (int b = 0; b < blocks; b++) {
            int q = (block0 + b) * MatmulKernels.Q4_BLOCK_BYTES;
            int xo = b * MatmulKernels.Q4_BLOCK;
            FloatVector lo = FloatVector.zero(F), hi = lo;
            for (int j = 0; j < MatmulKernels.Q4_BLOCK_BYTES; j += L) {
                IntVector packed = bytesToInts(qs, q + j);
                lo = lowNibbles(packed, 8).fma(FloatVector.fromArray(F, x, xo + j), lo);
                hi = highNibbles(packed, 8).fma(FloatVector.fromArray(F, x, xo + j + 16), hi);
            }
            FloatVector scale = FloatVector.broadcast(F, scales[block0 + b]);
            if ((b & 1) == 0) {
                even = lo.add(hi).fma(scale, even);
            } else {
                odd = lo.add(hi).fma(scale, odd);
            }
        }
        return sum(even.add(odd), lanes);
    }

    /**
     * The activations of a batch-1 Q4_0 matmul laid out for {@link #dotQ4_0x4}: per block of 32, 48
     * floats: {@code x[0..16)}, {@code x[16..32) / 16} and {@code -8 (x[i] + x[i + 16])}. The
     * high nibble is then masked in place ({@code byte & 0xF0} = 16 h) instead of shifted, and the
     * {@code - 8} of every weight enters as the start value of the block's FMA chain instead of one
     * integer subtraction per nibble: three vector operations fewer per 32 weights. Every thread
     * prepares its own copy with the same arithmetic, so results do not depend on the thread count.
     */
    static float[] prepareQ4_0(float[] x, int cols) {
        int blocks = cols / MatmulKernels.Q4_BLOCK;
        float[] p = PREPARED.get();
        if (p.length < 48 * blocks) {
            p = new float[48 * blocks];
            PREPARED.set(p);
        }
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < 16; i++) {
                float lo = x[32 * b + i], hi = x[32 * b + 16 + i];
                p[48 * b + i] = lo;
                p[48 * b + 16 + i] = hi / 16f;
                p[48 * b + 32 + i] = -8f * (lo + hi);
            }
        }
        return p;
    }

    /**
     * Q4_0 rows {@code [from, from + 4 gap)} for one token (16 float lanes), four rows a quarter of
     * the slice apart per pass (see {@link #dotQ8x4}), on activations from {@link #prepareQ4_0}:
     * per block {@code d * ((l x_lo - 8 (x_lo + x_hi)) + 16h (x_hi / 16))}, lanewise FMAs. Written out
     * for C2 like {@link #dotQ8x4}; each row's arithmetic is {@link #dotQ4_0Prepared}'s.
     */
    static void dotQ4_0x4(byte[] qs, float[] scales, int from, int gap, float[] xp, int cols, float[] out,
                          float[] lanes) {
        int blocks = cols / MatmulKernels.Q4_BLOCK;
        for (int r = from; r < from + gap; r++) {
            FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
            int s0 = r * blocks, s1 = (r + gap) * blocks, s2 = (r + 2 * gap) * blocks, s3 = (r + 3 * gap) * blocks;
            for (int b = 0; b < blocks; b++) {
                FloatVector x0 = FloatVector.fromArray(F, xp, 48 * b);
                FloatVector x1 = FloatVector.fromArray(F, xp, 48 * b + 16);
                FloatVector m = FloatVector.fromArray(F, xp, 48 * b + 32);
                IntVector v0 = bytesToInts(qs, (s0 + b) * 16), v1 = bytesToInts(qs, (s1 + b) * 16);
                IntVector v2 = bytesToInts(qs, (s2 + b) * 16), v3 = bytesToInts(qs, (s3 + b) * 16);
                FloatVector p0 = ((FloatVector) v0.and(0x0F).convert(VectorOperators.I2F, 0)).fma(x0, m);
                FloatVector p1 = ((FloatVector) v1.and(0x0F).convert(VectorOperators.I2F, 0)).fma(x0, m);
                FloatVector p2 = ((FloatVector) v2.and(0x0F).convert(VectorOperators.I2F, 0)).fma(x0, m);
                FloatVector p3 = ((FloatVector) v3.and(0x0F).convert(VectorOperators.I2F, 0)).fma(x0, m);
                p0 = ((FloatVector) v0.and(0xF0).convert(VectorOperators.I2F, 0)).fma(x1, p0);
                p1 = ((FloatVector) v1.and(0xF0).convert(VectorOperators.I2F, 0)).fma(x1, p1);
                p2 = ((FloatVector) v2.and(0xF0).convert(VectorOperators.I2F, 0)).fma(x1, p2);
                p3 = ((FloatVector) v3.and(0xF0).convert(VectorOperators.I2F, 0)).fma(x1, p3);
                a0 = p0.fma(FloatVector.broadcast(F, scales[s0 + b]), a0);
                a1 = p1.fma(FloatVector.broadcast(F, scales[s1 + b]), a1);
                a2 = p2.fma(FloatVector.broadcast(F, scales[s2 + b]), a2);
                a3 = p3.fma(FloatVector.broadcast(F, scales[s3 + b]), a3);
            }
            FloatVector h0 = ((FloatVector) a0.reinterpretShape(HALF, 0)).add((FloatVector) a0.reinterpretShape(HALF, 1));
            FloatVector h1 = ((FloatVector) a1.reinterpretShape(HALF, 0)).add((FloatVector) a1.reinterpretShape(HALF, 1));
            FloatVector h2 = ((FloatVector) a2.reinterpretShape(HALF, 0)).add((FloatVector) a2.reinterpretShape(HALF, 1));
            FloatVector h3 = ((FloatVector) a3.reinterpretShape(HALF, 0)).add((FloatVector) a3.reinterpretShape(HALF, 1));
            ((FloatVector) h0.reinterpretShape(QUARTER, 0)).add((FloatVector) h0.reinterpretShape(QUARTER, 1)).intoArray(lanes, 0);
            ((FloatVector) h1.reinterpretShape(QUARTER, 0)).add((FloatVector) h1.reinterpretShape(QUARTER, 1)).intoArray(lanes, 4);
            ((FloatVector) h2.reinterpretShape(QUARTER, 0)).add((FloatVector) h2.reinterpretShape(QUARTER, 1)).intoArray(lanes, 8);
            ((FloatVector) h3.reinterpretShape(QUARTER, 0)).add((FloatVector) h3.reinterpretShape(QUARTER, 1)).intoArray(lanes, 12);
            out[r] = (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]);
            out[r + gap] = (lanes[4] + lanes[6]) + (lanes[5] + lanes[7]);
            out[r + 2 * gap] = (lanes[8] + lanes[10]) + (lanes[9] + lanes[11]);
            out[r + 3 * gap] = (lanes[12] + lanes[14]) + (lanes[13] + lanes[15]);
        }
    }

    /** One Q4_0 row for one token on prepared activations: {@link #dotQ4_0x4}'s per-row arithmetic. */
    static float dotQ4_0Prepared(byte[] qs, float[] scales, int r, float[] xp, int cols, float[] lanes) {
        int blocks = cols / MatmulKernels.Q4_BLOCK;
        FloatVector acc = FloatVector.zero(F);
        int s0 = r * blocks;
        for (int b = 0; b < blocks; b++) {
            IntVector v = bytesToInts(qs, (s0 + b) * 16);
            FloatVector p = ((FloatVector) v.and(0x0F).convert(VectorOperators.I2F, 0))
                    .fma(FloatVector.fromArray(F, xp, 48 * b), FloatVector.fromArray(F, xp, 48 * b + 32));
            p = ((FloatVector) v.and(0xF0).convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F, xp, 48 * b + 16), p);
            acc = p.fma(FloatVector.broadcast(F, scales[s0 + b]), acc);
        }
        return sum(acc, lanes);
    }

    /** Per 64 weights (two sub-blocks, 32 bytes): {@code d1 * sum(q x) - m1 * sum(x)} for each half. */
    static float dotQ4K(byte[] qs, float[] scales, float[] mins, int r, float[] x, int cols, float[] lanes) {
        int subs = cols / MatmulKernels.Q4K_SUB;
        FloatVector total = FloatVector.zero(F);
        int sub0 = r * subs;
        for (int k = 0; k < subs; k += 2) {
            int q = (sub0 + k) / 2 * 32;
            int xo = k * MatmulKernels.Q4K_SUB;
            FloatVector lo = FloatVector.zero(F), hi = lo, xLo = lo, xHi = lo;
            for (int j = 0; j < 32; j += L) {
                IntVector packed = bytesToInts(qs, q + j);
                FloatVector a = FloatVector.fromArray(F, x, xo + j);
                FloatVector c = FloatVector.fromArray(F, x, xo + 32 + j);
                lo = lowNibbles(packed, 0).fma(a, lo);
                hi = highNibbles(packed, 0).fma(c, hi);
                xLo = xLo.add(a);
                xHi = xHi.add(c);
            }
            int s = sub0 + k;
            total = lo.fma(FloatVector.broadcast(F, scales[s]), total);
            total = xLo.fma(FloatVector.broadcast(F, -mins[s]), total);
            total = hi.fma(FloatVector.broadcast(F, scales[s + 1]), total);
            total = xHi.fma(FloatVector.broadcast(F, -mins[s + 1]), total);
        }
        return sum(total, lanes);
    }

    static void dequantRowQ4_0(byte[] qs, float[] scales, int r, int cols, float[] row, int rowOff) {
        int blocks = cols / MatmulKernels.Q4_BLOCK;
        for (int b = 0; b < blocks; b++) {
            int block = r * blocks + b;
            int q = block * MatmulKernels.Q4_BLOCK_BYTES;
            int o = rowOff + b * MatmulKernels.Q4_BLOCK;
            FloatVector scale = FloatVector.broadcast(F, scales[block]);
            for (int j = 0; j < MatmulKernels.Q4_BLOCK_BYTES; j += L) {
                IntVector packed = bytesToInts(qs, q + j);
                lowNibbles(packed, 8).mul(scale).intoArray(row, o + j);
                highNibbles(packed, 8).mul(scale).intoArray(row, o + j + 16);
            }
        }
    }

    static void dequantRowQ4K(byte[] qs, float[] scales, float[] mins, int r, int cols, float[] row, int rowOff) {
        int subs = cols / MatmulKernels.Q4K_SUB;
        for (int k = 0; k < subs; k += 2) {
            int s = r * subs + k;
            int q = s / 2 * 32;
            int o = rowOff + k * MatmulKernels.Q4K_SUB;
            FloatVector d1 = FloatVector.broadcast(F, scales[s]), m1 = FloatVector.broadcast(F, mins[s]);
            FloatVector d2 = FloatVector.broadcast(F, scales[s + 1]), m2 = FloatVector.broadcast(F, mins[s + 1]);
            for (int j = 0; j < 32; j += L) {
                IntVector packed = bytesToInts(qs, q + j);
                lowNibbles(packed, 0).mul(d1).sub(m1).intoArray(row, o + j);
                highNibbles(packed, 0).mul(d2).sub(m2).intoArray(row, o + 32 + j);
            }
        }
    }

    /** Two rows at once for one token: the activation vector is loaded once for both rows. */
    static void dot2(float[] w, int wOff, float[] x, int n, float[] out, int outOff, float[] lanes) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, b0 = a0, b1 = a0;
        int c = 0;
        int wOff2 = wOff + n;
        for (int end = n - 2 * L; c <= end; c += 2 * L) {
            FloatVector x0 = FloatVector.fromArray(F, x, c);
            FloatVector x1 = FloatVector.fromArray(F, x, c + L);
            a0 = FloatVector.fromArray(F, w, wOff + c).fma(x0, a0);
            b0 = FloatVector.fromArray(F, w, wOff2 + c).fma(x0, b0);
            a1 = FloatVector.fromArray(F, w, wOff + c + L).fma(x1, a1);
            b1 = FloatVector.fromArray(F, w, wOff2 + c + L).fma(x1, b1);
        }
        for (int end = n - L; c <= end; c += L) {
            FloatVector x0 = FloatVector.fromArray(F, x, c);
            a0 = FloatVector.fromArray(F, w, wOff + c).fma(x0, a0);
            b0 = FloatVector.fromArray(F, w, wOff2 + c).fma(x0, b0);
        }
        float sa = sum(a0.add(a1), lanes);
        float sb = sum(b0.add(b1), lanes);
        for (; c < n; c++) {
            sa += w[wOff + c] * x[c];
            sb += w[wOff2 + c] * x[c];
        }
        out[outOff] = sa;
        out[outOff + 1] = sb;
    }

    /** One row of {@link #dot2}: the same two accumulators, lane sum and tail order. */
    static float dot2Row(float[] w, int wOff, float[] x, int n, float[] lanes) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0;
        int c = 0;
        for (int end = n - 2 * L; c <= end; c += 2 * L) {
            a0 = FloatVector.fromArray(F, w, wOff + c).fma(FloatVector.fromArray(F, x, c), a0);
            a1 = FloatVector.fromArray(F, w, wOff + c + L).fma(FloatVector.fromArray(F, x, c + L), a1);
        }
        for (int end = n - L; c <= end; c += L) {
            a0 = FloatVector.fromArray(F, w, wOff + c).fma(FloatVector.fromArray(F, x, c), a0);
        }
        float sa = sum(a0.add(a1), lanes);
        for (; c < n; c++) {
            sa += w[wOff + c] * x[c];
        }
        return sa;
    }

    /**
     * F32 rows {@code [from, from + 4 gap)} for one token (16 float lanes), four rows a quarter of the
     * slice apart per pass, as {@link #dotQ8x4} does for Q8_0: four sequential streams in four pages
     * for the hardware prefetcher, and each activation vector loaded once for four rows. Each row's
     * arithmetic (two accumulators, lane sum, tail) is exactly {@link #dot2Row}'s, so results are bit
     * for bit those of {@link #dot2} whatever the slicing or thread count.
     */
    static void dotF32x4(float[] w, int from, int gap, float[] x, int n, float[] out) {
        for (int r = from; r < from + gap; r++) {
            FloatVector a0 = FloatVector.zero(F), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
            int o0 = r * n, o1 = (r + gap) * n, o2 = (r + 2 * gap) * n, o3 = (r + 3 * gap) * n;
            int c = 0;
            for (int end = n - 2 * L; c <= end; c += 2 * L) {
                FloatVector x0 = FloatVector.fromArray(F, x, c), x1 = FloatVector.fromArray(F, x, c + L);
                a0 = FloatVector.fromArray(F, w, o0 + c).fma(x0, a0);
                b0 = FloatVector.fromArray(F, w, o1 + c).fma(x0, b0);
                c0 = FloatVector.fromArray(F, w, o2 + c).fma(x0, c0);
                d0 = FloatVector.fromArray(F, w, o3 + c).fma(x0, d0);
                a1 = FloatVector.fromArray(F, w, o0 + c + L).fma(x1, a1);
                b1 = FloatVector.fromArray(F, w, o1 + c + L).fma(x1, b1);
                c1 = FloatVector.fromArray(F, w, o2 + c + L).fma(x1, c1);
                d1 = FloatVector.fromArray(F, w, o3 + c + L).fma(x1, d1);
            }
            for (int end = n - L; c <= end; c += L) {
                FloatVector x0 = FloatVector.fromArray(F, x, c);
                a0 = FloatVector.fromArray(F, w, o0 + c).fma(x0, a0);
                b0 = FloatVector.fromArray(F, w, o1 + c).fma(x0, b0);
                c0 = FloatVector.fromArray(F, w, o2 + c).fma(x0, c0);
                d0 = FloatVector.fromArray(F, w, o3 + c).fma(x0, d0);
            }
            // sum()'s butterfly for 16 lanes, written out (see dotQ8x4)
            FloatVector ha = a0.add(a1), hb = b0.add(b1), hc = c0.add(c1), hd = d0.add(d1);
            ha = ((FloatVector) ha.reinterpretShape(HALF, 0)).add((FloatVector) ha.reinterpretShape(HALF, 1));
            hb = ((FloatVector) hb.reinterpretShape(HALF, 0)).add((FloatVector) hb.reinterpretShape(HALF, 1));
            hc = ((FloatVector) hc.reinterpretShape(HALF, 0)).add((FloatVector) hc.reinterpretShape(HALF, 1));
            hd = ((FloatVector) hd.reinterpretShape(HALF, 0)).add((FloatVector) hd.reinterpretShape(HALF, 1));
            float sa = ((ha.lane(0) + ha.lane(4)) + (ha.lane(2) + ha.lane(6))) + ((ha.lane(1) + ha.lane(5)) + (ha.lane(3) + ha.lane(7)));
            float sb = ((hb.lane(0) + hb.lane(4)) + (hb.lane(2) + hb.lane(6))) + ((hb.lane(1) + hb.lane(5)) + (hb.lane(3) + hb.lane(7)));
            float sc = ((hc.lane(0) + hc.lane(4)) + (hc.lane(2) + hc.lane(6))) + ((hc.lane(1) + hc.lane(5)) + (hc.lane(3) + hc.lane(7)));
            float sd = ((hd.lane(0) + hd.lane(4)) + (hd.lane(2) + hd.lane(6))) + ((hd.lane(1) + hd.lane(5)) + (hd.lane(3) + hd.lane(7)));
            for (; c < n; c++) {
                sa += w[o0 + c] * x[c];
                sb += w[o1 + c] * x[c];
                sc += w[o2 + c] * x[c];
                sd += w[o3 + c] * x[c];
            }
            out[r] = sa;
            out[r + gap] = sb;
            out[r + 2 * gap] = sc;
            out[r + 3 * gap] = sd;
        }
    }

    /**
     * Q8_0 rows {@code [from, from + 4 gap)} for one token (16 float lanes), four rows per pass:
     * rows {@code r}, {@code r + gap}, {@code r + 2 gap} and {@code r + 3 gap}. Each activation
     * vector loaded serves four rows, and the four rows lie a quarter of the slice apart, in
     * different memory pages: four sequential streams that the hardware prefetcher follows. Two
     * adjacent rows (1 KB each in the 100m model) interleave within one 4 KB page, and one core
     * streamed them at half of F32's rate; four distant rows reach F32's rate (docs/PERFORMANCE.md).
     * Each row's arithmetic is exactly {@link #dotQ8}'s, so a row's result does not depend on the
     * rows it was grouped with, nor on the thread count.
     *
     * <p>Written out for C2: an inner loop over the two halves of a block (even of one trip), the
     * lane sum as a method call, or four stored-and-folded accumulators made this loop 20-35 %
     * slower, and a vector passed to a method C2 declines to inline (NodeCountInliningCutoff in a
     * method this large) is boxed on every call.
     */
    static void dotQ8x4(byte[] qs, float[] scales, int from, int gap, float[] x, int cols, float[] out,
                        float[] lanes) {
        int blocks = cols / MatmulKernels.Q8_BLOCK;
        for (int r = from; r < from + gap; r++) {
            FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
            int q0 = r * cols, q1 = (r + gap) * cols, q2 = (r + 2 * gap) * cols, q3 = (r + 3 * gap) * cols;
            int s0 = r * blocks, s1 = (r + gap) * blocks, s2 = (r + 2 * gap) * blocks, s3 = (r + 3 * gap) * blocks;
            for (int b = 0; b < blocks; b++) {
                int off = b * MatmulKernels.Q8_BLOCK;
                FloatVector x0 = FloatVector.fromArray(F, x, off), x1 = FloatVector.fromArray(F, x, off + 16);
                FloatVector p0 = widen(qs, q0 + off).mul(x0), p1 = widen(qs, q1 + off).mul(x0);
                FloatVector p2 = widen(qs, q2 + off).mul(x0), p3 = widen(qs, q3 + off).mul(x0);
                p0 = widen(qs, q0 + off + 16).fma(x1, p0);
                p1 = widen(qs, q1 + off + 16).fma(x1, p1);
                p2 = widen(qs, q2 + off + 16).fma(x1, p2);
                p3 = widen(qs, q3 + off + 16).fma(x1, p3);
                a0 = p0.fma(FloatVector.broadcast(F, scales[s0 + b]), a0);
                a1 = p1.fma(FloatVector.broadcast(F, scales[s1 + b]), a1);
                a2 = p2.fma(FloatVector.broadcast(F, scales[s2 + b]), a2);
                a3 = p3.fma(FloatVector.broadcast(F, scales[s3 + b]), a3);
            }
            // sum's butterfly: 512 -> 256 -> 128 bits in registers, then the last four lanes
            FloatVector h0 = ((FloatVector) a0.reinterpretShape(HALF, 0)).add((FloatVector) a0.reinterpretShape(HALF, 1));
            FloatVector h1 = ((FloatVector) a1.reinterpretShape(HALF, 0)).add((FloatVector) a1.reinterpretShape(HALF, 1));
            FloatVector h2 = ((FloatVector) a2.reinterpretShape(HALF, 0)).add((FloatVector) a2.reinterpretShape(HALF, 1));
            FloatVector h3 = ((FloatVector) a3.reinterpretShape(HALF, 0)).add((FloatVector) a3.reinterpretShape(HALF, 1));
            ((FloatVector) h0.reinterpretShape(QUARTER, 0)).add((FloatVector) h0.reinterpretShape(QUARTER, 1)).intoArray(lanes, 0);
            ((FloatVector) h1.reinterpretShape(QUARTER, 0)).add((FloatVector) h1.reinterpretShape(QUARTER, 1)).intoArray(lanes, 4);
            ((FloatVector) h2.reinterpretShape(QUARTER, 0)).add((FloatVector) h2.reinterpretShape(QUARTER, 1)).intoArray(lanes, 8);
            ((FloatVector) h3.reinterpretShape(QUARTER, 0)).add((FloatVector) h3.reinterpretShape(QUARTER, 1)).intoArray(lanes, 12);
            out[r] = (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]);
            out[r + gap] = (lanes[4] + lanes[6]) + (lanes[5] + lanes[7]);
            out[r + 2 * gap] = (lanes[8] + lanes[10]) + (lanes[9] + lanes[11]);
            out[r + 3 * gap] = (lanes[12] + lanes[14]) + (lanes[13] + lanes[15]);
        }
    }

    private static void rowTimesTokens(float[] w, int wOff, float[] x, float[] out, int rows, int cols, int tokens,
                                       int outRow, float[] lanes) {
        int t = 0;
        for (; t + 4 <= tokens; t += 4) {
            dot4(w, wOff, x, t * cols, cols, out, t * rows + outRow, rows, lanes);
        }
        for (; t < tokens; t++) {
            out[t * rows + outRow] = dot(w, wOff, x, t * cols, cols, lanes);
        }
    }

    @Override
    public void attentionScores(AttentionArgs a, int from, int to) {
        VectorAttention.scores(a, from, to);
    }

    @Override
    public void attentionValues(AttentionArgs a, int from, int to) {
        VectorAttention.values(a, from, to);
    }

    @Override
    public String label() {
        return "vector-" + F.vectorBitSize();
    }

    private static float[] rowBuffer(int cols) {
        float[] row = ROW.get();
        if (row.length < cols) {
            row = new float[cols];
            ROW.set(row);
        }
        return row;
    }

    static float dot(float[] w, int wOff, float[] x, int xOff, int n, float[] lanes) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
        int c = 0;
        for (int end = n - 4 * L; c <= end; c += 4 * L) {
            a0 = FloatVector.fromArray(F, w, wOff + c).fma(FloatVector.fromArray(F, x, xOff + c), a0);
            a1 = FloatVector.fromArray(F, w, wOff + c + L).fma(FloatVector.fromArray(F, x, xOff + c + L), a1);
            a2 = FloatVector.fromArray(F, w, wOff + c + 2 * L).fma(FloatVector.fromArray(F, x, xOff + c + 2 * L), a2);
            a3 = FloatVector.fromArray(F, w, wOff + c + 3 * L).fma(FloatVector.fromArray(F, x, xOff + c + 3 * L), a3);
        }
        for (int end = n - L; c <= end; c += L) {
            a0 = FloatVector.fromArray(F, w, wOff + c).fma(FloatVector.fromArray(F, x, xOff + c), a0);
        }
        float sum = sum(a0.add(a1).add(a2.add(a3)), lanes);
        for (; c < n; c++) {
            sum += w[wOff + c] * x[xOff + c];
        }
        return sum;
    }

    /** Four tokens at once: each weight vector is loaded once and used four times. */
    static void dot4(float[] w, int wOff, float[] x, int xOff, int n, float[] out, int outOff, int outStride,
                     float[] lanes) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
        int c = 0;
        for (int end = n - L; c <= end; c += L) {
            FloatVector wv = FloatVector.fromArray(F, w, wOff + c);
            a0 = wv.fma(FloatVector.fromArray(F, x, xOff + c), a0);
            a1 = wv.fma(FloatVector.fromArray(F, x, xOff + n + c), a1);
            a2 = wv.fma(FloatVector.fromArray(F, x, xOff + 2 * n + c), a2);
            a3 = wv.fma(FloatVector.fromArray(F, x, xOff + 3 * n + c), a3);
        }
        float s0 = sum(a0, lanes);
        float s1 = sum(a1, lanes);
        float s2 = sum(a2, lanes);
        float s3 = sum(a3, lanes);
        for (; c < n; c++) {
            s0 += w[wOff + c] * x[xOff + c];
            s1 += w[wOff + c] * x[xOff + n + c];
            s2 += w[wOff + c] * x[xOff + 2 * n + c];
            s3 += w[wOff + c] * x[xOff + 3 * n + c];
        }
        out[outOff] = s0;
        out[outOff + outStride] = s1;
        out[outOff + 2 * outStride] = s2;
        out[outOff + 3 * outStride] = s3;
    }

    /** Two rows times four tokens: eight accumulators, six loads per eight FMAs. */
    static void dot2x4(float[] w, int wOff, float[] x, int xOff, int n, float[] out, int outOff, int outStride,
                       float[] lanes) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        int c = 0;
        for (int end = n - L; c <= end; c += L) {
            FloatVector wa = FloatVector.fromArray(F, w, wOff + c);
            FloatVector wb = FloatVector.fromArray(F, w, wOff + n + c);
            FloatVector x0 = FloatVector.fromArray(F, x, xOff + c);
            FloatVector x1 = FloatVector.fromArray(F, x, xOff + n + c);
            FloatVector x2 = FloatVector.fromArray(F, x, xOff + 2 * n + c);
            FloatVector x3 = FloatVector.fromArray(F, x, xOff + 3 * n + c);
            a0 = wa.fma(x0, a0);
            a1 = wa.fma(x1, a1);
            a2 = wa.fma(x2, a2);
            a3 = wa.fma(x3, a3);
            b0 = wb.fma(x0, b0);
            b1 = wb.fma(x1, b1);
            b2 = wb.fma(x2, b2);
            b3 = wb.fma(x3, b3);
        }
        out[outOff] = sum(a0, lanes);
        out[outOff + outStride] = sum(a1, lanes);
        out[outOff + 2 * outStride] = sum(a2, lanes);
        out[outOff + 3 * outStride] = sum(a3, lanes);
        out[outOff + 1] = sum(b0, lanes);
        out[outOff + outStride + 1] = sum(b1, lanes);
        out[outOff + 2 * outStride + 1] = sum(b2, lanes);
        out[outOff + 3 * outStride + 1] = sum(b3, lanes);
        for (; c < n; c++) {
            for (int t = 0; t < 4; t++) {
                out[outOff + t * outStride] += w[wOff + c] * x[xOff + t * n + c];
                out[outOff + t * outStride + 1] += w[wOff + n + c] * x[xOff + t * n + c];
            }
        }
    }

    /** One Q8_0 row for one token: the per-row arithmetic of {@link #dotQ8x4} (and its lane-sum order). */
    static float dotQ8(byte[] qs, float[] scales, int r, float[] x, int cols, float[] lanes) {
        int blocks = cols / MatmulKernels.Q8_BLOCK;
        FloatVector acc = FloatVector.zero(F);
        int qRow = r * cols;
        int sRow = r * blocks;
        for (int b = 0; b < blocks; b++) {
            int off = b * MatmulKernels.Q8_BLOCK;
            FloatVector block = widen(qs, qRow + off).mul(FloatVector.fromArray(F, x, off));
            block = widen(qs, qRow + off + L).fma(FloatVector.fromArray(F, x, off + L), block);
            if (L == 8) {
                block = widen(qs, qRow + off + 16).fma(FloatVector.fromArray(F, x, off + 16), block);
                block = widen(qs, qRow + off + 24).fma(FloatVector.fromArray(F, x, off + 24), block);
            }
            acc = block.fma(FloatVector.broadcast(F, scales[sRow + b]), acc);
        }
        return sum(acc, lanes);
    }

    /**
     * Lane sum in a fixed order: the butterfly of adds (halves, then quarters, ...), so results do
     * not depend on the thread count or on when C2 compiled the loop ({@code reduceLanes(ADD)} leaves
     * the order unspecified, and its intrinsic and the interpreter's fallback round differently).
     * With 8 lanes (AVX2) the lanes are extracted and added in registers, with 16 (AVX-512) the two
     * halves are added first (the same order); otherwise they are stored to {@code lanes} and folded
     * (storing and folding 16 lanes per row cost about 8 % of an F32 matvec on an AVX-512 Xeon). The earlier version rearranged the vector with shuffles read from an
     * array, which the JIT did not always intrinsify: JFR showed it allocating about 1 GB of float[]
     * and Float256Vector per live run of the tiny model (19 young GCs a minute instead of 9).
     */
    private static float sum(FloatVector v, float[] lanes) {
        if (L == 8 || L == 16) {
            // with 16 lanes the butterfly's first step (lane i + lane i+8) is one add of the two 256-bit
            // halves; the 8-lane steps are written out here rather than in a helper method: a helper
            // taking a vector that C2 declines to inline (it did, "too big", in the four-row Q8_0
            // kernel) boxes the vector on every call
            FloatVector h = L == 8 ? v
                    : ((FloatVector) v.reinterpretShape(HALF, 0)).add((FloatVector) v.reinterpretShape(HALF, 1));
            return ((h.lane(0) + h.lane(4)) + (h.lane(2) + h.lane(6))) + ((h.lane(1) + h.lane(5)) + (h.lane(3) + h.lane(7)));
        }
        v.intoArray(lanes, 0);
        return fold(lanes, 0);
    }

    /** The {@code L} lanes stored at {@code a[off..]} summed in {@link #sum}'s order (the butterfly). */
    private static float fold(float[] a, int off) {
        for (int d = L / 2; d >= 1; d >>= 1) {
            for (int i = off; i < off + d; i++) {
                a[i] += a[i + d];
            }
        }
        return a[off];
    }

    private static FloatVector widen(byte[] qs, int off) {
        // byte -> int -> float: about 10 % faster than one B2F conversion with 512-bit vectors (same values)
        return (FloatVector) bytesToInts(qs, off).convert(VectorOperators.I2F, 0);
    }

    static void dequantRow(byte[] qs, float[] scales, int r, int cols, float[] row, int rowOff) {
        int blocks = cols / MatmulKernels.Q8_BLOCK;
        int qRow = r * cols;
        for (int b = 0; b < blocks; b++) {
            int off = b * MatmulKernels.Q8_BLOCK;
            FloatVector scale = FloatVector.broadcast(F, scales[r * blocks + b]);
            for (int j = 0; j < MatmulKernels.Q8_BLOCK; j += L) {
                widen(qs, qRow + off + j).mul(scale).intoArray(row, rowOff + off + j);
            }
        }
    }
}
