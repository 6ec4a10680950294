package dev.servelab.hw.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import dev.servelab.hw.jvm.tiny.LayerSkipDraft;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Speculative decoding on the tiny model with a layer-skip draft (its first layer): greedy
 * verification gives exactly plain greedy decoding's tokens, each verify step emits 1..k+1 tokens
 * matching the accepted counts, and rolled-back KV blocks reused by a later request do not leak into it.
 */
class SpeculativeDecoderTest {
    private static final KvCacheSpec KV = new KvCacheSpec(4, 256);
    @TempDir
    static Path dir;
    static Path target;
    static Path draft;

    @BeforeAll
    static void writeModels() throws Exception {
        target = dir.resolve("target.gguf");
        draft = dir.resolve("draft.gguf");
        TinyModelGenerator.generate(target, 1, TinyModelSize.TINY, GgmlType.F32);
        assertEquals(2, LayerSkipDraft.write(target, 1, draft));
    }

    private static int[][] prompts() {
        return new int[][] {{1, 2, 3, 4, 5, 6, 7}, {40, 41, 42, 43, 44}, {100, 101, 102, 103, 104, 105, 106, 107, 108},
                {7, 70, 200, 9}};
    }

    private static int[][] greedy(int[][] prompts, int newTokens) throws Exception {
        try (JvmLlamaExecutor plain = JvmLlamaExecutor.open(target, KV)) {
            return new GreedyDecoder(plain, new KvBlockAllocator(KV.blockCount())).generate(prompts, newTokens);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 7})
    void speculativeTokensAreExactlyPlainGreedyTokens(int k) throws Exception {
        int[][] expected = greedy(prompts(), 40);
        try (JvmLlamaExecutor t = JvmLlamaExecutor.open(target, KV);
             DraftProposer d = new DraftProposer(JvmLlamaExecutor.open(draft, KV))) {
            KvBlockAllocator blocks = new KvBlockAllocator(KV.blockCount());
            SpeculativeDecoder.Run run = new SpeculativeDecoder(t, blocks, d, k).run(prompts(), 40);
            for (int s = 0; s < expected.length; s++) assertArrayEquals(expected[s], run.tokens()[s], "sequence " + s);
            SpeculativeStats st = run.stats();
            long[] h = st.histogram();
            assertEquals(k + 1, h.length);
            assertEquals(st.steps(), LongStream.of(h).sum());
            // every verify step emits 1 + accepted tokens: the tokens after the first add up exactly
            long emitted = 0;
            for (int a = 0; a <= k; a++) emitted += h[a] * (1 + a);
            // the rest came from plain steps: at most one per sequence, when it had one token left (nothing to propose)
            long plain = prompts().length * 39L - emitted;
            assertTrue(plain >= 0 && plain <= prompts().length, "plain steps " + plain);
            assertTrue(st.meanTokensPerStep() >= 1 && st.meanTokensPerStep() <= k + 1);
            assertEquals(KV.blockCount(), blocks.freeCount(), "all target blocks returned");
            assertEquals(0, d.blocksInUse(), "all draft blocks returned");
        }
    }

    @Test
    void rolledBackBlocksReusedByASecondRequestDoNotLeakIntoIt() throws Exception {
        int[][] first = {prompts()[0]};
        int[][] second = {prompts()[2]};
        int[][] expected = greedy(second, 30);
        try (JvmLlamaExecutor t = JvmLlamaExecutor.open(target, KV);
             DraftProposer d = new DraftProposer(JvmLlamaExecutor.open(draft, KV))) {
            KvBlockAllocator blocks = new KvBlockAllocator(KV.blockCount());
            SpeculativeDecoder decoder = new SpeculativeDecoder(t, blocks, d, 4);
            SpeculativeDecoder.Run a = decoder.run(first, 30);
            assertTrue(a.stats().histogram()[4] < a.stats().steps(), "some proposals were rejected and rolled back");
            SpeculativeDecoder.Run b = decoder.run(second, 30);
            assertArrayEquals(expected[0], b.tokens()[0]);
        }
    }

    @Test
    void perPositionRatesFollowFromTheRecordedSteps() {
        SpeculativeStats s = new SpeculativeStats(3);
        s.record(3, 3);
        s.record(3, 1);
        s.record(3, 0);
        s.record(2, 2);
        // position 1: reached 4, accepted 3; position 2: reached 3 (steps with >=1 accepted), accepted 2;
        // position 3: reached by the first step only (the 2-proposal step has no third) and accepted there
        assertArrayEquals(new double[] {0.75, 2.0 / 3, 1.0}, s.perPosition(), 1e-12);
        assertEquals(6.0 / 4, s.meanAccepted(), 1e-12);
        assertEquals(6.0 / 11, s.acceptanceRate(), 1e-12);
        assertEquals(3, SpeculativeStats.acceptedPrefix(new int[] {5, 6, 7}, new int[] {5, 6, 7, 8}));
        assertEquals(1, SpeculativeStats.acceptedPrefix(new int[] {5, 9, 7}, new int[] {5, 6, 7, 8}));
        assertTrue(Arrays.equals(new long[] {1, 1, 1, 1}, s.histogram()));
    }
}
