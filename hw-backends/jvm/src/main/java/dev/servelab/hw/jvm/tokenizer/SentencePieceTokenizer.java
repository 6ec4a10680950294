package dev.servelab.hw.jvm.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SentencePiece BPE as GGUF's {@code tokenizer.ggml.model = "llama"} describes it (Kudo and
 * Richardson, "SentencePiece", 2018): spaces become U+2581 with one added in front, the text starts
 * as single characters, and the adjacent pair whose concatenation is a token with the highest
 * {@code tokenizer.ggml.scores} entry is merged until none is left; characters outside the
 * vocabulary fall back to {@code <0xXX>} byte tokens.
 */
public final class SentencePieceTokenizer implements Tokenizer {
    private static final String SPACE = "\u2581";
    private static final int TYPE_BYTE = 6;

    private final List<String> tokens;
    private final float[] scores;
    private final int[] types;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int bos;
    private final int eos;

    public SentencePieceTokenizer(List<String> tokens, float[] scores, int[] types, int bos, int eos) {
        this.tokens = List.copyOf(tokens);
        this.scores = scores.clone();
        this.types = types.length == tokens.size() ? types.clone() : new int[tokens.size()];
        this.bos = bos;
        this.eos = eos;
        for (int i = 0; i < tokens.size(); i++) {
            ids.putIfAbsent(tokens.get(i), i);
        }
    }

    @Override
    public int[] encode(String text) {
        String s = SPACE + text.replace(" ", SPACE);
        List<String> symbols = new ArrayList<>();
        s.codePoints().forEach(cp -> symbols.add(Character.toString(cp)));
        while (symbols.size() > 1) {
            int best = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer id = ids.get(symbols.get(i) + symbols.get(i + 1));
                if (id != null && scores[id] > bestScore) {
                    bestScore = scores[id];
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            symbols.set(best, symbols.get(best) + symbols.remove(best + 1));
        }
        List<Integer> out = new ArrayList<>();
        for (String symbol : symbols) {
            Integer id = ids.get(symbol);
            if (id != null) {
                out.add(id);
                continue;
            }
            for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
                Integer byteId = ids.get(String.format("<0x%02X>", b & 0xFF));
                if (byteId == null) {
                    throw new IllegalArgumentException("no token and no byte fallback for '" + symbol + "'");
                }
                out.add(byteId);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String decode(int[] tokenIds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : tokenIds) {
            if (id < 0 || id >= tokens.size()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + tokens.size());
            }
            String token = tokens.get(id);
            if (types[id] == BpeTokenizer.TYPE_CONTROL) {
                continue;
            }
            if (types[id] == TYPE_BYTE && token.length() == 6 && token.startsWith("<0x")) {
                bytes.write(Integer.parseInt(token.substring(3, 5), 16));
            } else {
                bytes.writeBytes(token.replace(SPACE, " ").getBytes(StandardCharsets.UTF_8));
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.startsWith(" ") ? text.substring(1) : text;
    }

    @Override
    public int vocabSize() {
        return tokens.size();
    }

    @Override
    public int bosToken() {
        return bos;
    }

    @Override
    public int eosToken() {
        return eos;
    }
}
