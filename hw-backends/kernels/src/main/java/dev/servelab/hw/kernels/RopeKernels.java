package dev.servelab.hw.kernels;

/**
 * Rotary position embedding (Su et al., "RoFormer", 2021) as llama.cpp applies it to Llama models
 * (rope mode 0): each adjacent pair {@code (2j, 2j+1)} of a head is rotated by
 * {@code pos * theta^(-2j/headDim) / freqFactors[j]}. The factors are ones, or a model's
 * {@code rope_freqs} tensor (Llama 3.1+ long-context scaling, as llama.cpp applies it). One
 * work-item per pair.
 */
public final class RopeKernels {
    private RopeKernels() {
    }

    /**
     * Rotates {@code vec}, laid out {@code [token][head][headDim]}, in place for pair indices
     * {@code [from, to)} out of {@code tokens * heads * headDim / 2}.
     */
    public static void rope(float[] vec, int[] positions, float[] freqFactors, int heads, int headDim,
                            float theta, int from, int to) {
        int halfDim = headDim / 2;
        int pairsPerToken = heads * halfDim;
        for (@Parallel int i = from; i < to; i++) {
            int t = i / pairsPerToken;
            int within = i - t * pairsPerToken;
            int h = within / halfDim;
            int j = within - h * halfDim;
            double freq = Math.pow(theta, -2.0 * j / headDim);
            double angle = positions[t] * freq / freqFactors[j];
            float cos = (float) Math.cos(angle);
            float sin = (float) Math.sin(angle);
            int base = t * heads * headDim + h * headDim + 2 * j;
            float a = vec[base];
            float b = vec[base + 1];
            vec[base] = a * cos - b * sin;
            vec[base + 1] = a * sin + b * cos;
        }
    }

    /**
     * The rotation of each (token, pair) once, for every head and for Q and K alike: {@code
     * table[2 (t halfDim + j)]} = cos and {@code [.. + 1]} = sin of pair {@code j}'s angle at
     * {@code positions[t]}, tokens {@code [from, to)}. The same arithmetic as {@link #rope}, so
     * {@link #rotate} with this table gives {@link #rope}'s results bit for bit while computing
     * {@code heads} (and the K pass) times fewer {@code pow}/{@code cos}/{@code sin}.
     */
    public static void angles(int[] positions, float[] freqFactors, int headDim, float theta, float[] table,
                              int from, int to) {
        int halfDim = headDim / 2;
        for (@Parallel int t = from; t < to; t++) {
            for (int j = 0; j < halfDim; j++) {
                double freq = Math.pow(theta, -2.0 * j / headDim);
                double angle = positions[t] * freq / freqFactors[j];
                table[2 * (t * halfDim + j)] = (float) Math.cos(angle);
                table[2 * (t * halfDim + j) + 1] = (float) Math.sin(angle);
            }
        }
    }

    /** {@link #rope} with the cos/sin of {@link #angles}: pair indices {@code [from, to)}. */
    public static void rotate(float[] vec, float[] table, int heads, int headDim, int from, int to) {
        int halfDim = headDim / 2;
        int pairsPerToken = heads * halfDim;
        for (@Parallel int i = from; i < to; i++) {
            int t = i / pairsPerToken;
            int within = i - t * pairsPerToken;
            int h = within / halfDim;
            int j = within - h * halfDim;
            float cos = table[2 * (t * halfDim + j)];
            float sin = table[2 * (t * halfDim + j) + 1];
            int base = t * heads * headDim + h * headDim + 2 * j;
            float a = vec[base];
            float b = vec[base + 1];
            vec[base] = a * cos - b * sin;
            vec[base + 1] = a * sin + b * cos;
        }
    }
}
