package dev.servelab.plugins.trace;

/**
 * A tokenizer-free token count for text: about four characters per token, the rule of thumb for
 * BPE tokenizers on English text (OpenAI's documentation). Close on average for chat text, off for
 * code and CJK; good enough to shape a workload, not to bill it.
 */
public final class TokenEstimate {
    public static final double CHARS_PER_TOKEN = 4.0;

    private TokenEstimate() {
    }

    public static int of(String text) {
        if (text == null || text.isEmpty()) return 0;
        return Math.max(1, (int) Math.round(text.codePointCount(0, text.length()) / CHARS_PER_TOKEN));
    }
}
