package dev.servelab.hw.jvm.tiny;

import dev.servelab.hw.jvm.tokenizer.ByteUnicode;
import dev.servelab.hw.jvm.tokenizer.PreTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns byte-level BPE merges from a text: repeatedly merges the most frequent adjacent pair of
 * symbols within words (ties go to the pair whose text sorts first, so training is deterministic).
 */
final class BpeTrainer {
    private BpeTrainer() {
    }

    /** Up to {@code count} merges as "left right" strings, highest priority first. */
    static List<String> learn(String text, int count) {
        Map<String, Integer> wordCounts = new TreeMap<>();
        for (String w : PreTokenizer.split(text)) {
            wordCounts.merge(ByteUnicode.encode(w.getBytes(StandardCharsets.UTF_8)), 1, Integer::sum);
        }
        List<List<String>> words = new ArrayList<>();
        List<Integer> freqs = new ArrayList<>();
        wordCounts.forEach((w, n) -> {
            List<String> symbols = new ArrayList<>();
            w.chars().forEach(c -> symbols.add(String.valueOf((char) c)));
            words.add(symbols);
            freqs.add(n);
        });
        List<String> merges = new ArrayList<>();
        while (merges.size() < count) {
            Map<String, Integer> pairs = new TreeMap<>();
            for (int i = 0; i < words.size(); i++) {
                List<String> s = words.get(i);
                for (int j = 0; j + 1 < s.size(); j++) {
                    pairs.merge(s.get(j) + " " + s.get(j + 1), freqs.get(i), Integer::sum);
                }
            }
            String best = null;
            int bestCount = 0;
            for (Map.Entry<String, Integer> e : pairs.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (best == null) {
                break;
            }
            merges.add(best);
            String[] lr = best.split(" ", 2);
            for (List<String> s : words) {
                for (int j = 0; j + 1 < s.size(); j++) {
                    if (s.get(j).equals(lr[0]) && s.get(j + 1).equals(lr[1])) {
                        s.set(j, lr[0] + lr[1]);
                        s.remove(j + 1);
                    }
                }
            }
        }
        return merges;
    }
}
