package dev.servelab.hw.jvm.tokenizer;

/** Text to token ids and back, as a model's GGUF metadata defines it. */
public interface Tokenizer {
    /** Token ids of {@code text}, without BOS/EOS. */
    int[] encode(String text);

    /** The text of {@code tokens}; control tokens (BOS, EOS, ...) decode to nothing. */
    String decode(int[] tokens);

    int vocabSize();

    /** BOS id, or -1 when the model has none. */
    int bosToken();

    /** EOS id, or -1 when the model has none. */
    int eosToken();
}
