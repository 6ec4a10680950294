package dev.servelab.hw.jvm.tokenizer;

import dev.servelab.hw.jvm.gguf.GgufFormatException;
import dev.servelab.hw.jvm.gguf.GgufMetadata;
import java.util.List;

/** Builds the tokenizer a GGUF file's {@code tokenizer.ggml.*} metadata describes. */
public final class GgufTokenizers {
    private GgufTokenizers() {
    }

    public static Tokenizer from(GgufMetadata m, String source) {
        String model = m.string("tokenizer.ggml.model");
        List<String> tokens = m.strings("tokenizer.ggml.tokens");
        int[] types = m.has("tokenizer.ggml.token_type") ? ints(m.array("tokenizer.ggml.token_type")) : new int[0];
        int bos = m.int32("tokenizer.ggml.bos_token_id", -1);
        int eos = m.int32("tokenizer.ggml.eos_token_id", -1);
        special(source, "tokenizer.ggml.bos_token_id", bos, tokens.size());
        special(source, "tokenizer.ggml.eos_token_id", eos, tokens.size());
        if (m.has("tokenizer.ggml.unknown_token_id")) {
            special(source, "tokenizer.ggml.unknown_token_id", m.int32("tokenizer.ggml.unknown_token_id"), tokens.size());
        }
        if (m.has("tokenizer.ggml.padding_token_id")) {
            special(source, "tokenizer.ggml.padding_token_id", m.int32("tokenizer.ggml.padding_token_id"), tokens.size());
        }
        return switch (model) {
            case "gpt2" -> new BpeTokenizer(tokens, m.strings("tokenizer.ggml.merges"), types, bos, eos);
            case "llama" -> new SentencePieceTokenizer(tokens, floats(m.array("tokenizer.ggml.scores")), types, bos, eos);
            default -> throw new GgufFormatException(source + ": metadata 'tokenizer.ggml.model' is '" + model
                    + "'; supported: 'gpt2' (byte-level BPE) and 'llama' (SentencePiece BPE)");
        };
    }

    /** A special token id must name a vocabulary entry (or be absent, -1): checked at load, not at the first request. */
    private static void special(String source, String key, int id, int vocabSize) {
        if (id < -1 || id >= vocabSize) {
            throw new GgufFormatException(source + ": metadata '" + key + "' = " + id + " is outside the vocabulary of "
                    + vocabSize + " tokens");
        }
    }

    /** UTF-8 bytes of the longest token string: no token covers more bytes of text than this. */
    public static int longestTokenBytes(GgufMetadata m) {
        int max = 1;
        for (String t : m.strings("tokenizer.ggml.tokens")) {
            max = Math.max(max, t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        return max;
    }

    private static int[] ints(List<Object> values) {
        return values.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    private static float[] floats(List<Object> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }
}
