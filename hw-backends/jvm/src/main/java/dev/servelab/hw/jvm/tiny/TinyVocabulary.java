package dev.servelab.hw.jvm.tiny;

import dev.servelab.hw.jvm.tokenizer.BpeTokenizer;
import dev.servelab.hw.jvm.tokenizer.ByteUnicode;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated models' byte-level BPE vocabulary: ids 0-255 are the bytes, then one token per
 * learnt merge, then {@code <|begin_of_text|>} and {@code <|end_of_text|>}.
 */
record TinyVocabulary(List<String> tokens, List<String> merges, int[] types, int bos, int eos) {
    static final int MERGES = 62;

    static TinyVocabulary build() {
        List<String> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(String.valueOf(ByteUnicode.charOf(b)));
        }
        List<String> merges = BpeTrainer.learn(TinyCorpus.TEXT, MERGES);
        for (String m : merges) {
            tokens.add(m.replace(" ", ""));
        }
        int bos = tokens.size();
        tokens.add("<|begin_of_text|>");
        int eos = tokens.size();
        tokens.add("<|end_of_text|>");
        int[] types = new int[tokens.size()];
        java.util.Arrays.fill(types, 1);
        types[bos] = BpeTokenizer.TYPE_CONTROL;
        types[eos] = BpeTokenizer.TYPE_CONTROL;
        return new TinyVocabulary(List.copyOf(tokens), List.copyOf(merges), types, bos, eos);
    }
}
