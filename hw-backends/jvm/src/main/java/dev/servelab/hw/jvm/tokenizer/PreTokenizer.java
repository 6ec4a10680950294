package dev.servelab.hw.jvm.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words before BPE, with the regular expression Llama 3 uses ("llama-bpe" in
 * llama.cpp): English contractions, letter runs with one leading non-letter, numbers of up to three
 * digits, punctuation runs, newlines and other whitespace. Concatenating the pieces gives the text back.
 */
public final class PreTokenizer {
    private static final Pattern LLAMA3 = Pattern.compile(
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                    + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private PreTokenizer() {
    }

    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = LLAMA3.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) {
                words.add(text.substring(end, m.start()));
            }
            words.add(m.group());
            end = m.end();
        }
        if (end < text.length()) {
            words.add(text.substring(end));
        }
        return words;
    }
}
