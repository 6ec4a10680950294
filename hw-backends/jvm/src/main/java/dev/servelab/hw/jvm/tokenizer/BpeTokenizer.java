package dev.servelab.hw.jvm.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte-level BPE as GGUF's {@code tokenizer.ggml.model = "gpt2"} describes it (Sennrich et al.,
 * "Neural Machine Translation of Rare Words with Subword Units", 2016; byte-level variant of GPT-2):
 * each pre-tokenised word becomes its UTF-8 bytes as {@link ByteUnicode} characters, then the
 * adjacent pair with the lowest merge rank ({@code tokenizer.ggml.merges} order) is merged until
 * no listed pair is left.
 */
public final class BpeTokenizer implements Tokenizer {
    /** {@code tokenizer.ggml.token_type} value of control tokens (BOS, EOS, ...). */
    public static final int TYPE_CONTROL = 3;

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Integer> mergeRanks = new HashMap<>();
    private final int[] types;
    private final int bos;
    private final int eos;

    /** {@code merges} are "left right" strings, highest priority first; {@code types} may be empty. */
    public BpeTokenizer(List<String> tokens, List<String> merges, int[] types, int bos, int eos) {
        this.tokens = List.copyOf(tokens);
        this.types = types.length == tokens.size() ? types.clone() : new int[tokens.size()];
        this.bos = bos;
        this.eos = eos;
        for (int i = 0; i < tokens.size(); i++) {
            if (this.types[i] != TYPE_CONTROL) {
                ids.putIfAbsent(tokens.get(i), i);
            }
        }
        for (int r = 0; r < merges.size(); r++) {
            mergeRanks.putIfAbsent(merges.get(r), r);
        }
    }

    @Override
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        for (String word : PreTokenizer.split(text)) {
            for (String symbol : merge(ByteUnicode.encode(word.getBytes(StandardCharsets.UTF_8)))) {
                Integer id = ids.get(symbol);
                if (id == null) {
                    throw new IllegalArgumentException("the vocabulary has no token for '" + symbol
                            + "' (from the word '" + word + "')");
                }
                out.add(id);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private List<String> merge(String word) {
        List<String> symbols = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            symbols.add(String.valueOf(word.charAt(i)));
        }
        while (symbols.size() > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = mergeRanks.get(symbols.get(i) + " " + symbols.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            symbols.set(best, symbols.get(best) + symbols.remove(best + 1));
        }
        return symbols;
    }

    @Override
    public String decode(int[] tokenIds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : tokenIds) {
            if (id < 0 || id >= tokens.size()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + tokens.size());
            }
            if (types[id] == TYPE_CONTROL) {
                continue;
            }
            String token = tokens.get(id);
            for (int i = 0; i < token.length(); i++) {
                int b = ByteUnicode.byteOf(token.charAt(i));
                if (b >= 0) {
                    bytes.write(b);
                } else {
                    bytes.writeBytes(String.valueOf(token.charAt(i)).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
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
