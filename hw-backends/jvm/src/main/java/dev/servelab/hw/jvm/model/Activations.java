package dev.servelab.hw.jvm.model;

/** Scratch buffers of one forward pass, grown to the largest batch seen and then reused. */
final class Activations {
    private final LlamaConfig c;
    float[] x = new float[0], xb = new float[0], xb2 = new float[0], q = new float[0], k = new float[0];
    float[] v = new float[0], att = new float[0], hb = new float[0], hb2 = new float[0], scores = new float[0];
    float[] inv = new float[0], last = new float[0], lastNorm = new float[0], logits = new float[0];
    int[] scoreLengths = new int[0];

    Activations(LlamaConfig c) {
        this.c = c;
    }

    /** Ensures room for {@code tokens} rows, {@code sequences} outputs and contexts up to {@code maxContext}. */
    void ensure(int tokens, int sequences, int maxContext) {
        if (x.length < tokens * c.dim()) {
            x = new float[tokens * c.dim()];
            xb = new float[tokens * c.dim()];
            xb2 = new float[tokens * c.dim()];
            q = new float[tokens * c.dim()];
            att = new float[tokens * c.dim()];
            k = new float[tokens * c.kvDim()];
            v = new float[tokens * c.kvDim()];
            hb = new float[tokens * c.hiddenDim()];
            hb2 = new float[tokens * c.hiddenDim()];
            inv = new float[Math.max(tokens, sequences)];
            scoreLengths = new int[tokens * c.heads()];
        }
        if (inv.length < sequences) {
            inv = new float[sequences];
        }
        long scoreSize = (long) tokens * c.heads() * maxContext;
        if (scoreSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(tokens + " tokens attending to " + maxContext
                    + " positions exceed one score buffer; split the prefill into smaller chunks");
        }
        if (scores.length < scoreSize) {
            scores = new float[(int) scoreSize];
        }
        if (last.length < sequences * c.dim()) {
            last = new float[sequences * c.dim()];
            lastNorm = new float[sequences * c.dim()];
        }
        if (logits.length < sequences * c.vocabSize()) {
            logits = new float[sequences * c.vocabSize()];
        }
    }
}
