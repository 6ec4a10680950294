package dev.servelab.hw.remote;

/**
 * A tokenizer-free estimate of a text's token count: the larger of its word count and its length
 * in characters over four (the usual rule of thumb for English with BPE tokenizers such as Llama 3's
 * and GPT's). {@link TracePromptBuilder} writes short common words, each about one token.
 */
public final class PromptTokenEstimate {
    private PromptTokenEstimate() {
    }

    public static int estimate(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        int words = t.split("\\s+").length;
        return Math.max(words, (int) Math.round(t.length() / 4.0));
    }
}
