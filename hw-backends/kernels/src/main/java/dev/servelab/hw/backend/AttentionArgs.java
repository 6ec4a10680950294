package dev.servelab.hw.backend;

/**
 * The arguments of {@link KernelBackend#attention}: this iteration's {@code tokens} rows of
 * {@code q}, {@code k}, {@code v}, one layer's cache pools, the batch's slot mapping, positions,
 * sequence index per row and flattened block tables ({@code maxBlocks} per sequence), the scratch
 * buffers and the output. See {@link dev.servelab.hw.kernels.AttentionKernels} for the layouts.
 */
public record AttentionArgs(float[] q, float[] k, float[] v, float[] kCache, float[] vCache, int[] slots,
                            int[] positions, int[] tokenSeq, int[] blockTables, int maxBlocks, int blockSize,
                            int heads, int kvHeads, int headDim, int tokens, int stride,
                            float[] scores, int[] lengths, float[] out) {

    public int kvDim() {
        return kvHeads * headDim;
    }
}
