package dev.servelab.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code servelab capacity}: bisection brackets the SLO boundary with real stored runs. */
class CapacityTest {
    @TempDir
    Path dir;

    @Test
    void maxRateIsTheLargestTriedRateMeetingTheSloAndBelowEveryFailingOne() throws Exception {
        Path db = dir.resolve("runs.db");
        Cli r = Cli.run("capacity", Cli.resource("sweeps/small-base.yaml").toString(), "--slo", "p99_ttft_ms=300,p99_tpot_ms=50",
                "--attainment", "0.95", "--db", db.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("meets_slo").asBoolean());
        double max = j.get("max_rate_per_s").asDouble();
        double minFailing = Double.POSITIVE_INFINITY;
        double maxPassing = 0;
        try (RunStore runs = RunStore.open(db)) {
            for (JsonNode t : j.get("tried")) {
                for (String k : new String[]{"value", "run_id", "meets_slo", "metrics"}) assertTrue(t.has(k), k);
                assertEquals(RunStatus.COMPLETED, runs.run(t.get("run_id").asLong()).orElseThrow().status());
                double v = t.get("value").asDouble();
                boolean ok = t.get("meets_slo").asBoolean();
                JsonNode m = t.get("metrics");
                boolean really = m.get("p99_ttft_ms").asDouble() <= 300 && m.get("p99_tpot_ms").asDouble() <= 50
                        && m.get("slo_attainment").asDouble() >= 0.95;
                assertEquals(really, ok, t.toString());
                if (ok) maxPassing = Math.max(maxPassing, v);
                else minFailing = Math.min(minFailing, v);
            }
        }
        assertEquals(maxPassing, max);
        assertTrue(minFailing > max && minFailing < max * 1.05, "bracket within 5 %: " + max + " .. " + minFailing);
    }

    @Test
    void minReplicasIsTheSmallestCountMeetingTheSlo() throws Exception {
        Path db = dir.resolve("runs.db");
        Cli r = Cli.run("capacity", Cli.resource("sweeps/small-base.yaml").toString(), "--slo", "p99_ttft_ms=200",
                "--find", "min-replicas", "--set", "workload.rate_per_s=60", "--db", db.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("meets_slo").asBoolean());
        long n = j.get("min_replicas").asLong();
        for (JsonNode t : j.get("tried")) {
            long v = t.get("value").asLong();
            assertEquals(v >= n, t.get("meets_slo").asBoolean(), t.toString());
        }
        assertTrue(j.get("tried").findValuesAsText("value").contains(String.valueOf((double) (n - 1))) || n == 1, "n-1 was tried");
    }

    @Test
    void sweepWithCapacityGoalFindsMaxRatePerPoint() throws Exception {
        Cli r = Cli.run("sweep", "run", Cli.resource("sweeps/capacity.yaml").toString(), "--db", dir.resolve("c.db").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2, j.get("points").size());
        for (JsonNode p : j.get("points")) {
            assertEquals("completed", p.get("status").asText());
            double max = p.get("metrics").get("max_rate_per_s").asDouble();
            assertTrue(max > 0);
            assertTrue(p.get("tried").size() >= 3);
        }
        assertEquals(j.get("best").get("metrics").get("max_rate_per_s").asDouble(),
                Math.max(j.get("points").get(0).get("metrics").get("max_rate_per_s").asDouble(),
                        j.get("points").get(1).get("metrics").get("max_rate_per_s").asDouble()));
    }
}
