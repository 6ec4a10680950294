package dev.servelab.plugins.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.ServeLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's rules: both limits must be exceeded, direction-aware, k of n rounds, min/max, bad input. */
class GateRuleTest {
    private static final List<String> KNOWN = List.of("p99_ttft_ms", "request_goodput", "slo_attainment");

    private static GateRule rule(String yaml) throws Exception {
        return GateRule.parse("m", new ObjectMapper(new YAMLFactory()).readTree(yaml), "gate.yaml");
    }

    @Test
    void aRoundFailsOnlyWhenWorseByMoreThanBothThePercentageAndTheAmount() throws Exception {
        GateRule r = rule("{max_worse_pct: 10, max_worse_ms: 100}");
        assertTrue(r.check(new double[]{500}, new double[]{590}, true, "ms").passed(), "+18 %, but only +90 ms");
        assertTrue(r.check(new double[]{2000}, new double[]{2150}, true, "ms").passed(), "+150 ms, but only +7.5 %");
        RuleCheck c = r.check(new double[]{500}, new double[]{620}, true, "ms");
        assertFalse(c.passed());
        assertEquals("m: worse by more than 10 % and 100 ms: candidate 620 ms vs baseline 500 ms (+24.0 %, +120 ms)",
                c.message());
    }

    @Test
    void worseFollowsTheMetricsDirection() throws Exception {
        GateRule r = rule("{max_worse_pct: 2}");
        assertFalse(r.check(new double[]{10}, new double[]{9.7}, false, "req/s").passed(), "3 % less goodput is worse");
        assertTrue(r.check(new double[]{10}, new double[]{13}, false, "req/s").passed(), "more goodput is better");
    }

    @Test
    void inRoundsCountsBrokenRoundsAndScalesToTheRoundsRun() throws Exception {
        GateRule r = rule("{max_worse_pct: 10, in_rounds: \"4/5\"}");
        double[] b = {100, 100, 100, 100, 100};
        RuleCheck three = r.check(b, new double[]{120, 120, 120, 100, 100}, true, "ms");
        assertTrue(three.passed(), three.message());
        RuleCheck four = r.check(b, new double[]{120, 120, 105, 120, 130}, true, "ms");
        assertFalse(four.passed());
        assertEquals(List.of(1, 2, 4, 5), four.brokenRounds());
        assertTrue(four.message().startsWith("m: worse by more than 10 % in 4 of 5 rounds (fails at 4, in_rounds 4/5): round 1: 120 ms vs 100 ms"),
                four.message());
        assertEquals(8, r.roundsToFail(10));
    }

    @Test
    void minAndMaxBoundTheCandidate() throws Exception {
        GateRule r = rule("{min: 0.99}");
        assertFalse(r.check(new double[]{1.0}, new double[]{0.98}, false, "").passed());
        assertTrue(r.check(new double[]{0.9}, new double[]{0.995}, false, "").passed());
    }

    @Test
    void badRulesNameTheFileAndTheField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("gate.yaml");
        Files.writeString(f, "p99_ttft_ms: {max_worse_pct: 10, in_rounds: \"6/5\"}\n");
        var e = assertThrows(ServeLabException.class, () -> Gate.read(f, KNOWN));
        assertEquals(f + ": p99_ttft_ms.in_rounds: expected \"k/n\" with 1 <= k <= n, found \"6/5\"", e.getMessage());
        Files.writeString(f, "p99_ttft_ms: {max_worse_percent: 10}\n");
        e = assertThrows(ServeLabException.class, () -> Gate.read(f, KNOWN));
        assertTrue(e.getMessage().startsWith(f + ": p99_ttft_ms.max_worse_percent: unknown rule key"), e.getMessage());
        Files.writeString(f, "p99_ttft_ms: {max_worse_pct: [10\n");
        e = assertThrows(ServeLabException.class, () -> Gate.read(f, KNOWN));
        assertTrue(e.getMessage().startsWith(f + ":1:") && e.getMessage().contains("malformed gate"), e.getMessage());
        Files.writeString(f, "slo_attainment: {}\n");
        e = assertThrows(ServeLabException.class, () -> Gate.read(f, KNOWN));
        assertTrue(e.getMessage().contains("a rule needs max_worse_pct, max_worse(_ms), min or max"), e.getMessage());
    }
}
