package dev.servelab.hw.jvm.model;

/** One transformer block: attention (norm, Q, K, V, output) and SwiGLU MLP (norm, gate, up, down). */
public record LayerWeights(float[] attnNorm, Matrix wq, Matrix wk, Matrix wv, Matrix wo,
                           float[] ffnNorm, Matrix gate, Matrix up, Matrix down) {
    /** Q, K and V, which read the same normed input. */
    Matrix[] qkv() {
        return new Matrix[] {wq, wk, wv};
    }

    /** Gate and up, which read the same normed input. */
    Matrix[] gateUp() {
        return new Matrix[] {gate, up};
    }

    long weightBytes() {
        return wq.weightBytes() + wk.weightBytes() + wv.weightBytes() + wo.weightBytes()
                + gate.weightBytes() + up.weightBytes() + down.weightBytes() + 8L * attnNorm.length;
    }
}
