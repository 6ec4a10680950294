package dev.servelab.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code servelab run} end to end: real pipeline files, real trace files, a real SQLite file. */
class RunCommandTest {
    static final List<String> VLLM_KEYS = List.of("completed", "duration", "request_throughput", "output_throughput",
            "total_token_throughput", "request_goodput", "run_id", "sim_wall_s", "events", "iterations",
            "prefix_cache_hit_ratio", "preemptions");

    @TempDir
    Path dir;

    @Test
    void replaysTheRealAzureConversationTrace() throws Exception {
        Path trace = CliRunner.shared().resolve("traces/azure-llm-2023/AzureLLMInferenceTrace_conv.csv");
        assumeTrue(Files.isReadable(trace), "skipped: shared trace not present: " + trace);
        Path db = dir.resolve("runs.db");
        CliRunner.Result r = CliRunner.run("run", CliRunner.repoRoot().resolve("sample-traces/pipelines/quickstart.yaml").toString(),
                "--trace", trace.toString(), "--format", "trace.azure-2023", "--db", db.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        for (String k : VLLM_KEYS) assertTrue(j.has(k), "missing key " + k);
        for (String m : List.of("ttft", "tpot", "itl", "e2el")) {
            for (String s : List.of("mean_", "median_", "std_", "p99_")) assertTrue(j.has(s + m + "_ms"), s + m + "_ms");
        }
        // SOURCE.md: 19,366 requests over 3,501.7 s, mean input 1,154.7 and output 211.1 tokens
        assertEquals(19_366, j.get("completed").asLong());
        assertEquals(1154.7, j.get("total_input_tokens").asDouble() / 19_366, 0.05);
        assertEquals(211.1, j.get("total_output_tokens").asDouble() / 19_366, 0.05);
        assertTrue(j.get("duration").asDouble() > 3501.7 && j.get("duration").asDouble() < 3600, "duration " + j.get("duration"));
        assertTrue(j.get("mean_ttft_ms").asDouble() > 0);
        assertTrue(j.get("mean_e2el_ms").asDouble() > j.get("mean_ttft_ms").asDouble());
        try (RunStore store = RunStore.open(db)) {
            RunInfo run = store.run(j.get("run_id").asLong()).orElseThrow();
            assertEquals(RunStatus.COMPLETED, run.status());
            assertEquals(19_366, count(store, "SELECT COUNT(*) FROM requests WHERE status='completed'"));
            assertEquals(10_000 + (19_365 / 100 - 10_000 / 100 + 1), count(store, "SELECT COUNT(*) FROM token_times"),
                    "all of the first 10,000 requests, then every 100th");
            assertEquals(j.get("iterations").asLong(), count(store, "SELECT SUM(count) FROM iterations"));
        }
        assertEquals("", r.err().lines().filter(l -> l.startsWith("error")).findFirst().orElse(""));
    }

    @Test
    void sameSeedGivesIdenticalResultsApartFromWallTime() {
        Path pipeline = CliRunner.repoRoot().resolve("sample-traces/pipelines/quickstart.yaml");
        JsonNode a = CliRunner.run("run", pipeline.toString(), "--requests", "400", "--db", dir.resolve("a.db").toString(), "--json").json();
        JsonNode b = CliRunner.run("run", pipeline.toString(), "--requests", "400", "--db", dir.resolve("b.db").toString(), "--json").json();
        JsonNode c = CliRunner.run("run", pipeline.toString(), "--requests", "400", "--seed", "43", "--db", dir.resolve("c.db").toString(), "--json").json();
        for (JsonNode n : List.of(a, b, c)) ((ObjectNode) n).remove(List.of("sim_wall_s", "sim_cpu_s", "run_id"));
        assertEquals(a, b);
        assertTrue(!a.equals(c), "another seed gives another workload");
        assertEquals(400, a.get("completed").asLong());
    }

    @Test
    void handComputedMetricsMatch() throws IOException {
        // Two requests on one replica whose iterations take exactly 10 ms:
        // A arrives at 0 (10 prompt, 3 output), B at 5 ms (20 prompt, 2 output).
        // it1 [0,10) prefill A -> A tok1 @10; it2 [10,20) A decode + B prefill -> A tok2, B tok1 @20;
        // it3 [20,30) -> A tok3, B tok2 @30.  TTFT A=10, B=15; E2EL A=30, B=25; TPOT A=(30-10)/2=10, B=10;
        // ITL all 10; duration 0.030 s.
        Path trace = Files.writeString(dir.resolve("two.csv"), """
                TIMESTAMP,ContextTokens,GeneratedTokens
                2023-11-16 18:00:00.0000000,10,3
                2023-11-16 18:00:00.0050000,20,2
                """);
        Path pipeline = Files.writeString(dir.resolve("hand.yaml"), """
                workload: {type: trace.azure-2023, file: two.csv}
                pools:
                  - replicas: 1
                    kv_cache: {capacity_blocks: 100}
                    executor: {type: exec.constant, base_ms: 10}
                slo: {ttft_ms: 12}
                """);
        JsonNode j = CliRunner.run("run", pipeline.toString(), "--db", dir.resolve("h.db").toString(), "--json").json();
        assertEquals(2, j.get("completed").asLong());
        assertEquals(0.030, j.get("duration").asDouble(), 1e-12);
        assertEquals(2 / 0.030, j.get("request_throughput").asDouble(), 1e-9);
        assertEquals(1 / 0.030, j.get("request_goodput").asDouble(), 1e-9, "only A meets ttft <= 12 ms");
        assertEquals(5 / 0.030, j.get("output_throughput").asDouble(), 1e-9);
        assertEquals(35 / 0.030, j.get("total_token_throughput").asDouble(), 1e-9);
        assertEquals(12.5, j.get("mean_ttft_ms").asDouble(), 1e-9);
        assertEquals(2.5, j.get("std_ttft_ms").asDouble(), 1e-9);
        assertEquals(12.5, j.get("median_ttft_ms").asDouble(), 1e-9, "np.median of {10, 15}");
        assertEquals(10 + 0.99 * 5, j.get("p99_ttft_ms").asDouble(), 1e-9, "np.percentile interpolates");
        assertEquals(27.5, j.get("mean_e2el_ms").asDouble(), 1e-9);
        assertEquals(10.0, j.get("mean_tpot_ms").asDouble(), 1e-9);
        assertEquals(0.0, j.get("std_tpot_ms").asDouble(), 1e-9);
        assertEquals(10.0, j.get("mean_itl_ms").asDouble(), 1e-9);
        assertEquals(10.0, j.get("p99_itl_ms").asDouble(), 1e-9);
        assertEquals(2.5, j.get("mean_queueing_delay_ms").asDouble(), 1e-9, "B waited 5 ms for the first iteration to end");
        assertEquals(3, j.get("iterations").asLong());
        assertEquals(0, j.get("preemptions").asLong());
    }

    static long count(RunStore store, String sql) throws Exception {
        try (Connection c = store.newReadConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
