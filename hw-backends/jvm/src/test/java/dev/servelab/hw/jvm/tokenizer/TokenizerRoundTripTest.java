package dev.servelab.hw.jvm.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.jvm.gguf.GgufFile;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerRoundTripTest {
    @TempDir
    static Path dir;
    static Tokenizer tiny;

    @BeforeAll
    static void loadTinyTokenizer() throws Exception {
        Path f = dir.resolve("tiny.gguf");
        TinyModelGenerator.generate(f, 1, TinyModelSize.TINY, GgmlType.F32);
        try (GgufFile gguf = GgufFile.open(f)) {
            tiny = GgufTokenizers.from(gguf.metadata(), f.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"The scheduler picks the requests.", "", " leading and  double  spaces\n\ttabs\r\n",
            "numbers 1234567 and 3.14", "grüße, naïve café — ✓ 日本語 🙂", "it's we'll THEY'RE"})
    void byteLevelBpeDecodesToTheSameText(String text) {
        int[] ids = tiny.encode(text);
        assertEquals(text, tiny.decode(ids));
    }

    @Test
    void mergesMakeCorpusWordsShorterThanTheirBytes() {
        String text = "the time to the first token";
        int[] ids = tiny.encode(text);
        assertTrue(ids.length < text.length() / 2, ids.length + " tokens for " + text.length() + " bytes");
    }

    @Test
    void controlTokensDecodeToNothing() {
        int[] ids = tiny.encode("hi");
        int[] withSpecials = {tiny.bosToken(), ids[0], tiny.eosToken()};
        assertEquals(tiny.decode(new int[] {ids[0]}), tiny.decode(withSpecials));
        assertEquals(256 + 62 + 2, tiny.vocabSize());
    }

    @Test
    void sentencePieceMergesByScoreAndFallsBackToBytes() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>", "\u2581", "h", "i", "\u2581h", "\u2581hi"));
        float[] scores = new float[264];
        int[] types = new int[264];
        types[1] = 3;
        types[2] = 3;
        scores[6] = 1f;
        scores[7] = 2f;
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types[8 + b] = 6;
        }
        SentencePieceTokenizer spm = new SentencePieceTokenizer(tokens, scores, types, 1, 2);
        int[] ids = spm.encode("hi é");
        assertArrayEquals(new int[] {7, 3, 8 + 0xC3, 8 + 0xA9}, ids);
        assertEquals("hi é", spm.decode(ids));
    }
}
