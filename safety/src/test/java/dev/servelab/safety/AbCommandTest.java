package dev.servelab.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.cli.Main;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.safety.ab.ComparisonStore;
import dev.servelab.safety.cli.AbCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code servelab ab} end to end through the real command line, engine and SQLite store: exit codes, JSON, messages. */
class AbCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Eight paired rounds: enough for the signed-rank test to reach 0.05 after adjustment (five never can). */
    private int ab(String... extra) {
        return ab(List.of("7", "8", "9", "10", "11", "12", "13", "14"), extra);
    }

    private int ab(List<String> seeds, String... extra) {
        List<String> args = new ArrayList<>(List.of("ab", AbFixtures.pipeline("random-route.yaml").toString(),
                AbFixtures.pipeline("random-route-slow-decode.yaml").toString(), "--db", dir.resolve("runs.db").toString(),
                "--seeds"));
        args.addAll(seeds);
        args.addAll(List.of(extra));
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args.toArray(String[]::new));
    }

    @Test
    void jsonHasTheContractedShapeAndTheRunsAreStoredAndLinked() throws Exception {
        int code = ab("--json", "--gate", AbFixtures.pipeline("gate-holds.yaml").toString());
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        List<String> top = new ArrayList<>();
        j.fieldNames().forEachRemaining(top::add);
        assertEquals(List.of("comparison_id", "rounds", "metrics", "gate", "runs"), top);
        assertEquals(8, j.get("rounds").asInt());
        JsonNode tpot = j.get("metrics").get("mean_tpot_ms");
        for (String k : List.of("baseline", "candidate", "difference", "ci_low", "ci_high", "p_value", "verdict")) {
            assertTrue(tpot.has(k), k);
        }
        assertEquals("worse", tpot.get("verdict").asText());
        assertTrue(tpot.get("ci_low").asDouble() > 0 && tpot.get("ci_high").asDouble() > tpot.get("ci_low").asDouble());
        for (Iterator<String> it = j.get("metrics").fieldNames(); it.hasNext(); ) {
            String v = j.get("metrics").get(it.next()).get("verdict").asText();
            assertTrue(List.of("better", "worse", "no significant difference").contains(v), v);
        }
        assertTrue(j.get("gate").get("passed").asBoolean());
        assertEquals(0, j.get("gate").get("failed_rules").size());
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            List<ComparisonStore.RunLink> links = new ComparisonStore(store).runs(j.get("comparison_id").asLong());
            assertEquals(16, links.size());
            for (ComparisonStore.RunLink l : links) {
                assertEquals(RunStatus.COMPLETED, store.run(l.runId()).orElseThrow().status());
            }
            assertEquals(j.get("runs").get(0).get("candidate_run_id").asLong(),
                    links.stream().filter(l -> l.round() == 1 && l.arm().equals("candidate")).findFirst().orElseThrow().runId());
            assertEquals(Boolean.TRUE, new ComparisonStore(store).get(j.get("comparison_id").asLong()).orElseThrow().gatePassed());
        }
    }

    @Test
    void aFailingRuleExitsOneNamingTheRuleTheFiguresAndTheRounds() throws Exception {
        int code = ab(List.of("7", "8", "9", "10", "11"), "--json", "--gate", AbFixtures.pipeline("gate-fails.yaml").toString());
        assertEquals(AbCommand.EXIT_GATE_FAILED, code, err.toString());
        String message = err.toString();
        assertTrue(message.contains("gate failed: mean_tpot_ms: worse by more than 10 % and 0.05 ms in 5 of 5 rounds"
                + " (fails at 4, in_rounds 4/5): round 1: "), message);
        assertTrue(message.matches("(?s).*round 5: [0-9.]+ ms vs [0-9.]+ ms \\(\\+[0-9.]+ %, \\+[0-9.]+ ms\\).*"), message);
        JsonNode gate = new ObjectMapper().readTree(out.toString()).get("gate");
        assertFalse(gate.get("passed").asBoolean());
        assertEquals("mean_tpot_ms", gate.get("failed_rules").get(0).get("rule").asText());
        assertEquals("[1,2,3,4,5]", gate.get("failed_rules").get(0).get("rounds").toString());
    }

    @Test
    void badInputExitsTwoWithOneLineAndStoresNothing() {
        assertEquals(Main.EXIT_INPUT_ERROR, ab("--gate", AbFixtures.pipeline("gate-unknown-metric.yaml").toString()));
        assertTrue(err.toString().startsWith("error: ") && err.toString().contains("gate-unknown-metric.yaml: ttft_p99: unknown metric"),
                err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(Main.EXIT_INPUT_ERROR, ab("--gate", AbFixtures.pipeline("gate-bad-number.yaml").toString()));
        assertTrue(err.toString().contains("p99_ttft_ms.max_worse_pct: expected a number, found \"ten\""), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(Main.EXIT_INPUT_ERROR, ab("--window", "10m"));
        assertTrue(err.toString().contains("--window needs --trace"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(Main.EXIT_INPUT_ERROR, ab("--report", dir.resolve("r.pdf").toString()));
        assertTrue(err.toString().contains("give a .md or .html file"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(Main.EXIT_INPUT_ERROR, ab("--rounds", "3"));
        assertTrue(err.toString().contains("--seeds gives 8 seeds for 3 rounds"), err.toString());
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            assertEquals(0, store.listRuns().size());
            assertEquals(0, new ComparisonStore(store).list().size());
        }
    }

    @Test
    void withATraceAndAWindowRoundsReplayConsecutiveWindowsOfIt() throws Exception {
        Path trace = Path.of("../sample-traces/mooncake-like.jsonl");
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("ab", AbFixtures.pipeline("random-route.yaml").toString(),
                AbFixtures.pipeline("random-route.yaml").toString(), "--trace", trace.toString(), "--window", "2m",
                "--rounds", "3", "--json", "--db", dir.resolve("runs.db").toString());
        assertTrue(new ObjectMapper().readTree(out.toString()).get("metrics").get("p99_ttft_ms").get("p_value").asDouble() <= 1);
        assertEquals(0, code);
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            List<ComparisonStore.RunLink> links = new ComparisonStore(store).runs(1);
            assertEquals(List.of("trace.mooncake:mooncake-like.jsonl [0 s, 120 s)", "trace.mooncake:mooncake-like.jsonl [0 s, 120 s)",
                    "trace.mooncake:mooncake-like.jsonl [120 s, 240 s)", "trace.mooncake:mooncake-like.jsonl [120 s, 240 s)",
                    "trace.mooncake:mooncake-like.jsonl [240 s, 360 s)", "trace.mooncake:mooncake-like.jsonl [240 s, 360 s)"),
                    links.stream().map(ComparisonStore.RunLink::workload).toList());
            java.util.Set<Long> completed = new java.util.HashSet<>();
            for (ComparisonStore.RunLink l : links) {
                JsonNode summary = new ObjectMapper().readTree(store.run(l.runId()).orElseThrow().summaryJson());
                completed.add(summary.get("completed").asLong());
            }
            assertEquals(3, completed.size(), "each window has its own requests, the same in both arms: " + completed);
            assertEquals(store.run(links.get(0).runId()).orElseThrow().workload(), links.get(0).workload());
        }
    }

    @Test
    void writesMarkdownAndHtmlReports() throws Exception {
        Path md = dir.resolve("ab.md");
        assertEquals(0, ab("--report", md.toString()), err.toString());
        String text = Files.readString(md);
        assertTrue(text.contains("| mean_tpot_ms |") && text.contains("**worse**"), text);
        assertTrue(out.toString().contains("mean_tpot_ms") && out.toString().contains("worse"), out.toString());
        Path html = dir.resolve("ab.html");
        assertEquals(0, ab("--report", html.toString()));
        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("#c62828") && page.contains("mean_tpot_ms"));
    }

}
