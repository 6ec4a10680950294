package dev.servelab.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.cli.Main;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same pipeline run live on the JVM backend (a generated tiny GGUF model), then compared with simulation. */
class LiveRunTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(0, code, err.toString());
        return new String[]{out.toString(), err.toString()};
    }

    private Path pipeline() throws Exception {
        run("model", "tiny", "--out", dir.resolve("tiny.gguf").toString(), "--seed", "3");
        return Files.writeString(dir.resolve("live.yaml"), """
                seed: 5
                workload:
                  type: workload.poisson
                  rate_per_s: 50
                  requests: 12
                  input: {dist: uniform, min: 8, max: 40}
                  output: {dist: uniform, min: 2, max: 12}
                pools:
                  - max_num_seqs: 8
                    executor: {type: exec.jvm, model_file: tiny.gguf, kv_budget_mib: 8, warmup_rounds: 1, warmup_ms: 0}
                """);
    }

    @Test
    void aLiveRunIsStoredLikeASimulatedOne() throws Exception {
        Path p = pipeline();
        Path db = dir.resolve("runs.db");
        JsonNode j = new ObjectMapper().readTree(run("run", p.toString(), "--live", "--speed", "4", "--db", db.toString(), "--json")[0]);
        assertEquals(12, j.get("completed").asLong());
        assertTrue(j.get("mean_ttft_ms").asDouble() > 0);
        assertTrue(j.get("mean_tpot_ms").asDouble() > 0);
        try (RunStore store = RunStore.open(db)) {
            RunInfo info = store.run(j.get("run_id").asLong()).orElseThrow();
            assertEquals("live", info.mode());
        }
    }

    @Test
    void compareModesReportsPerMetricErrors() throws Exception {
        Path p = pipeline();
        String out = run("compare-modes", p.toString(), "--db", dir.resolve("cm.db").toString(), "--json")[0];
        JsonNode j = new ObjectMapper().readTree(out);
        for (String k : List.of("mean_ttft_ms", "p99_ttft_ms", "mean_tpot_ms", "mean_e2el_ms", "p99_e2el_ms")) {
            JsonNode m = j.get("metrics").get(k);
            assertTrue(m.get("live").asDouble() > 0, k);
            assertTrue(m.get("sim").asDouble() > 0, k);
            assertTrue(Double.isFinite(m.get("error_pct").asDouble()), k);
        }
        try (RunStore store = RunStore.open(dir.resolve("cm.db"))) {
            assertEquals("live", store.run(j.get("live_run_id").asLong()).orElseThrow().mode());
            assertEquals("sim", store.run(j.get("sim_run_id").asLong()).orElseThrow().mode());
            assertEquals("profile-run", j.get("calibrated_from").asText());
            RunInfo profileRun = store.run(j.get("profile_run_id").asLong()).orElseThrow();
            assertEquals("live", profileRun.mode());
            assertEquals("completed", profileRun.status().dbValue());
            assertTrue(profileRun.name().endsWith("-profile-run"), profileRun.name());
        }
    }

    @Test
    void aGivenProfileIsUsedAsItIsWithoutAProfileRun() throws Exception {
        Path p = pipeline();
        Path profile = dir.resolve("profile.json");
        run("calibrate", "--live", "--model", dir.resolve("tiny.gguf").toString(), "--out", profile.toString());
        Path db = dir.resolve("given.db");
        JsonNode j = new ObjectMapper().readTree(run("compare-modes", p.toString(), "--profile", profile.toString(),
                "--no-warm-up", "--db", db.toString(), "--json")[0]);
        assertEquals(profile.toString(), j.get("calibrated_from").asText());
        assertTrue(j.get("profile_run_id") == null && j.get("fit") == null, j.toString());
        try (RunStore store = RunStore.open(db)) {
            assertEquals(2, store.listRuns().size(), "the live run and the simulated run only");
        }
    }
}
