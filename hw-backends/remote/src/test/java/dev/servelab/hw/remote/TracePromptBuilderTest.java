package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.model.Request;
import org.junit.jupiter.api.Test;

class TracePromptBuilderTest {
    private final TracePromptBuilder builder = new TracePromptBuilder();

    private static Request withHashes(long id, int prompt, long... hashes) {
        return new Request(id, 0, prompt, 8, hashes, 16, null, null, null);
    }

    @Test
    void lengthIsAboutTheRequestedTokens() {
        for (int n : new int[] {1, 17, 300, 2000}) {
            String p = builder.build(Request.of(n, 0, n, 4));
            int estimate = PromptTokenEstimate.estimate(p);
            assertTrue(Math.abs(estimate - n) <= Math.max(2, n / 10), n + " requested, " + estimate + " estimated");
        }
    }

    @Test
    void sharedLeadingHashesShareTheLeadingTextAndNothingElse() {
        String a = builder.build(withHashes(1, 40, 11, 22, 33));
        String b = builder.build(withHashes(2, 40, 11, 22, 44));
        String c = builder.build(withHashes(3, 40, 99, 22, 33));
        String[] wa = a.split(" ");
        String[] wb = b.split(" ");
        for (int i = 0; i < 32; i++) assertEquals(wa[i], wb[i], "word " + i);
        assertNotEquals(String.join(" ", java.util.Arrays.copyOfRange(wa, 32, 40)),
                String.join(" ", java.util.Arrays.copyOfRange(wb, 32, 40)));
        assertNotEquals(a.substring(0, 40), c.substring(0, 40));
        assertEquals(40, wa.length);
    }

    @Test
    void deterministicAndDistinctWithoutHashes() {
        assertEquals(builder.build(Request.of(5, 0, 64, 4)), new TracePromptBuilder().build(Request.of(5, 0, 64, 4)));
        assertNotEquals(builder.build(Request.of(5, 0, 64, 4)).substring(0, 30), builder.build(Request.of(6, 0, 64, 4)).substring(0, 30));
        assertNotEquals(builder.build(Request.of(5, 0, 64, 4)), new TracePromptBuilder(1).build(Request.of(5, 0, 64, 4)));
        RemoteCall call = builder.call(Request.of(9, 0, 10, 33));
        assertEquals(33, call.maxTokens());
        assertEquals(9, call.requestId());
    }
}
