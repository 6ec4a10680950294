package dev.servelab.hw.jvm.model;

/** One transformer block: attention (norm, Q, K, V, output) and SwiGLU MLP (norm, gate, up, down). */
public record LayerWeights(float[] attnNorm, Matrix wq, Matrix wk, Matrix wv, Matrix wo,
                           float[] ffnNorm, Matrix gate, Matrix up, Matrix down) {
    long weightBytes() {
        return wq.weightBytes() + wk.weightBytes() + wv.weightBytes() + wo.weightBytes()
                + gate.weightBytes() + up.weightBytes() + down.weightBytes() + 8L * attnNorm.length;
    }
}
