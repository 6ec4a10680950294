package dev.servelab.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.store.ExperimentStatus;
import dev.servelab.experiments.store.ExperimentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sweep run} on a real 16-point sweep: stored runs, infeasible points with reasons, the best point, resuming. */
class SweepRunTest {
    @TempDir
    Path dir;

    @Test
    void sweepStoresEveryPointAndItsBestIsTheCheapestFeasible() throws Exception {
        Path db = dir.resolve("runs.db");
        Cli first = Cli.run("sweep", "run", Cli.resource("sweeps/small.yaml").toString(), "--db", db.toString(), "--parallel", "2", "--json");
        assertEquals(0, first.code(), first.err());
        JsonNode r = new ObjectMapper().readTree(first.out());
        JsonNode points = r.get("points");
        assertEquals(16, points.size());
        int completed = 0;
        int infeasible = 0;
        try (RunStore runs = RunStore.open(db)) {
            for (JsonNode p : points) {
                for (String k : new String[]{"point_id", "run_id", "status", "reason", "params", "metrics"}) assertTrue(p.has(k), k);
                String status = p.get("status").asText();
                if (status.equals("infeasible")) {
                    infeasible++;
                    assertEquals(16, p.get("params").get("pools.0.tensor_parallel").asInt());
                    assertTrue(p.get("reason").asText().contains("tensor_parallel"), p.get("reason").asText());
                    assertTrue(p.get("run_id").isNull());
                } else {
                    assertEquals("completed", status, p.toString());
                    completed++;
                    long runId = p.get("run_id").asLong();
                    assertEquals(RunStatus.COMPLETED, runs.run(runId).orElseThrow().status());
                    assertEquals(runId, p.get("metrics").get("run_id").asLong());
                    JsonNode m = p.get("metrics");
                    int gpus = p.get("params").get("pools.0.replicas").asInt() * p.get("params").get("pools.0.tensor_parallel").asInt();
                    assertEquals(gpus, m.get("gpus").asInt());
                    assertTrue(m.get("cost_per_hour_usd").asDouble() > 0);
                    assertTrue(m.has("slo_attainment") && m.has("p99_ttft_ms") && m.has("energy_joules_per_output_token"));
                }
            }
        }
        assertEquals(8, completed);
        assertEquals(8, infeasible);
        JsonNode best = r.get("best");
        assertNotNull(best);
        assertTrue(best.get("feasible").asBoolean());
        double bestCost = best.get("metrics").get("cost_per_hour_usd").asDouble();
        // brute force over the runs table: every stored completed run meeting the constraints costs at least the best
        int feasible = 0;
        try (RunStore runs = RunStore.open(db)) {
            for (JsonNode p : points) {
                if (!p.get("status").asText().equals("completed")) continue;
                JsonNode s = new ObjectMapper().readTree(runs.run(p.get("run_id").asLong()).orElseThrow().summaryJson());
                double good = s.get("request_goodput").asDouble() * s.get("duration").asDouble();
                boolean meets = s.get("p99_ttft_ms").asDouble() <= 400 && Math.round(good) / 300.0 >= 0.9;
                assertEquals(meets, p.get("feasible").asBoolean(), p.toString());
                if (meets) {
                    feasible++;
                    assertTrue(s.get("cost_per_hour_usd").asDouble() >= bestCost, "cheaper feasible run " + s);
                }
            }
        }
        assertTrue(feasible >= 2, "feasible points: " + feasible);

        int runsBefore;
        try (RunStore runs = RunStore.open(db)) {
            runsBefore = runs.listRuns().size();
        }
        Cli again = Cli.run("sweep", "run", Cli.resource("sweeps/small.yaml").toString(), "--db", db.toString(), "--json");
        assertEquals(0, again.code(), again.err());
        JsonNode r2 = new ObjectMapper().readTree(again.out());
        assertEquals(r.get("experiment_id"), r2.get("experiment_id"));
        assertEquals(r.get("points"), r2.get("points"));
        try (RunStore runs = RunStore.open(db); ExperimentStore xs = ExperimentStore.open(runs)) {
            assertEquals(runsBefore, runs.listRuns().size(), "a re-run runs nothing already stored");
            assertEquals(ExperimentStatus.COMPLETED, xs.experiment(r.get("experiment_id").asLong()).orElseThrow().status());
        }
        assertFalse(again.err().contains("error"));
    }
}
