package dev.servelab.hw.jvm.model;

import java.util.List;

/**
 * All weights of a Llama model; {@code output} is the token embedding itself when they are tied;
 * {@code ropeFreqFactors} has {@code headDim / 2} entries, ones unless the file has {@code rope_freqs}.
 */
public record LlamaWeights(LlamaConfig config, Matrix tokenEmbedding, List<LayerWeights> layers,
                           float[] outputNorm, Matrix output, float[] ropeFreqFactors) {
    public LlamaWeights {
        layers = List.copyOf(layers);
    }

    /** Bytes of weights one decode step reads (every layer and the output projection). */
    public long bytesReadPerStep() {
        long sum = output.weightBytes() + 4L * outputNorm.length;
        for (LayerWeights l : layers) {
            sum += l.weightBytes();
        }
        return sum;
    }
}
