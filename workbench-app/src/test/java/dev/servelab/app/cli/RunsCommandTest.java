package dev.servelab.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listShowCompareAndExportStoredRuns() throws Exception {
        String db = dir.resolve("r.db").toString();
        String pipeline = CliRunner.repoRoot().resolve("sample-traces/pipelines/quickstart.yaml").toString();
        long a = CliRunner.run("run", pipeline, "--requests", "200", "--db", db, "--json").json().get("run_id").asLong();
        long b = CliRunner.run("run", pipeline, "--requests", "200", "--db", db, "--json",
                "--set", "router=route.round-robin").json().get("run_id").asLong();

        CliRunner.Result list = CliRunner.run("runs", "--db", db, "list", "--json");
        assertEquals(0, list.exitCode(), list.err());
        JsonNode runs = list.json();
        assertEquals(2, runs.size());
        assertEquals("completed", runs.get(0).get("status").asText());

        JsonNode show = CliRunner.run("runs", "--db", db, "show", Long.toString(b)).json();
        assertEquals("route.round-robin", show.get("pipeline").get("router").asText(), "the resolved pipeline is stored");
        assertEquals(200, show.get("summary").get("completed").asLong());

        CliRunner.Result cmp = CliRunner.run("runs", "--db", db, "compare", Long.toString(a), Long.toString(b));
        assertEquals(0, cmp.exitCode(), cmp.err());
        assertTrue(cmp.out().contains("mean_ttft_ms"), cmp.out());

        Path csv = dir.resolve("req.csv");
        assertEquals(0, CliRunner.run("runs", "--db", db, "export", Long.toString(a), "--out", csv.toString()).exitCode());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(201, lines.size());
        assertTrue(lines.getFirst().startsWith("run_id,request_id,replica,arrival_ns"));

        CliRunner.Result tokens = CliRunner.run("runs", "--db", db, "export", Long.toString(a), "--what", "tokens");
        long tokenRows = tokens.out().lines().count() - 1;
        assertEquals(show.get("summary").get("total_output_tokens").asLong() > 0, tokenRows > 0);

        CliRunner.Result iterations = CliRunner.run("runs", "--db", db, "export", Long.toString(b), "--what", "iterations");
        assertEquals(0, iterations.exitCode(), iterations.err());
        List<String> its = iterations.out().lines().toList();
        assertEquals("replica,start_ns,end_ns,duration_ns,prefill_tokens,decode_tokens,batch_size,kv_used_blocks",
                its.getFirst());
        long decodeTokens = 0;
        for (String line : its.subList(1, its.size())) {
            long[] f = java.util.Arrays.stream(line.split(",")).mapToLong(Long::parseLong).toArray();
            assertEquals(f[2] - f[1], f[3], line);
            assertTrue(f[1] >= 0 && f[3] > 0 && f[6] > 0, line);
            decodeTokens += f[5];
        }
        JsonNode sb = show.get("summary");
        assertEquals(0, sb.get("preemptions").asLong());
        assertEquals(sb.get("total_output_tokens").asLong() - sb.get("completed").asLong(), decodeTokens,
                "every output token but each request's first comes from a decode step");

        CliRunner.Result missing = CliRunner.run("runs", "--db", db, "show", "999");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no run with id 999"));
    }

    @Test
    void pluginsListsBuiltInsByKind() {
        CliRunner.Result r = CliRunner.run("plugins");
        assertEquals(0, r.exitCode());
        for (String id : List.of("route.round-robin", "route.least-outstanding", "batch.continuous", "kv.lru",
                "admission.accept-all", "workload.poisson", "trace.azure-2023", "exec.roofline", "exec.constant")) {
            assertTrue(r.out().contains(id), "missing " + id + " in\n" + r.out());
        }
    }

    @Test
    void pluginSettingsAlsoListThePoolFieldsOfIssue18Features() {
        CliRunner.Result r = CliRunner.run("plugins", "--settings");
        assertEquals(0, r.exitCode());
        for (String field : List.of("speculative.num_speculative_tokens", "lora.max_loras", "lora.max_lora_rank",
                "kv_cache.cpu_tier.capacity_gib", "kv_cache.disk_tier.latency_ms", "kv_cache.offload",
                "price_usd_per_hour", "expert_parallel", "load_threshold")) {
            assertTrue(r.out().contains(field), "missing " + field + " in\n" + r.out());
        }
    }
}
