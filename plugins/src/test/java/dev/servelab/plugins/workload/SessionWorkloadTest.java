package dev.servelab.plugins.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.plugins.traceprofile.TraceStats;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.servelab.plugins.workload.GeneratorAssert.generate;
import static dev.servelab.plugins.workload.GeneratorAssert.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionWorkloadTest {
    private static final String SETTINGS = """
            session_rate_per_s: 2
            requests: 8000
            mean_turns: 4
            think_time_s: 20
            system_prompts: 5
            system_tokens: {dist: fixed, mean: 1000}
            user_tokens: {dist: lognormal, mean: 150, cv: 1}
            output: {dist: lognormal, mean: 250, cv: 0.8}
            max_context_tokens: 1000000
            block_tokens: 64
            """;

    @Test
    void reproducibleAndInArrivalOrder() throws IOException {
        List<Request> r = generate("workload.sessions", SETTINGS, 9);
        assertEquals(r, generate("workload.sessions", SETTINGS, 9));
        for (int i = 1; i < r.size(); i++) assertTrue(r.get(i).arrivalNanos() >= r.get(i - 1).arrivalNanos());
        assertEquals(8000, r.size());
    }

    @Test
    void laterTurnsExtendTheHistoryAndShareItsBlocks() throws IOException {
        Map<String, Request> last = new HashMap<>();
        int checked = 0;
        for (Request r : generate("workload.sessions", SETTINGS, 9)) {
            assertEquals((r.promptTokens() + 63) / 64, r.hashCount());
            Request prev = last.put(r.sessionId(), r);
            if (prev == null) continue;
            assertTrue(r.promptTokens() > prev.promptTokens() + prev.outputTokens());
            int full = prev.promptTokens() / 64;
            for (int b = 0; b < full; b++) assertEquals(prev.hashId(b), r.hashId(b), "block " + b);
            checked++;
        }
        assertTrue(checked > 4000, "turns checked: " + checked);
    }

    @Test
    void systemPromptsAreSharedAcrossSessionsAndReuseIsHigh() throws IOException {
        List<Request> r = generate("workload.sessions", SETTINGS, 9);
        Set<Long> firstBlocks = new HashSet<>();
        for (Request q : r) firstBlocks.add(q.hashId(0));
        assertEquals(5, firstBlocks.size(), "one first block per shared system prompt");
        TraceStats s = GammaWorkloadTest.stats(r);
        assertTrue(s.prefixTokenHitRatio() > 0.6, "prefix reuse " + s.prefixTokenHitRatio());
        within(2 * 4, s.meanRatePerS(), 0.08, "request rate = session rate x mean turns");
        within(250, s.output().mean(), 0.04, "answer length");
    }
}
