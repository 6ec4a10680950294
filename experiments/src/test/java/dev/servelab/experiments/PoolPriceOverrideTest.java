package dev.servelab.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pool's {@code price_usd_per_hour} in the pipeline overrides the hardware file's price: a real run and
 * a real sweep (varying it by its dotted path) report {@code cost_per_hour_usd = gpus × override}.
 */
class PoolPriceOverrideTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static Path quickstart() {
        return Path.of("").toAbsolutePath().getParent().resolve("sample-traces/pipelines/quickstart.yaml");
    }

    @Test
    void aRunWithTheOverrideCostsGpusTimesTheOverride() throws Exception {
        Path db = dir.resolve("runs.db");
        Cli plain = Cli.run("run", quickstart().toString(), "--db", db.toString(), "--json", "--set", "workload.requests=200",
                "--set", "pools.0.replicas=2", "--set", "pools.0.tensor_parallel=2");
        assertEquals(0, plain.code(), plain.err());
        Cli priced = Cli.run("run", quickstart().toString(), "--db", db.toString(), "--json", "--set", "workload.requests=200",
                "--set", "pools.0.replicas=2", "--set", "pools.0.tensor_parallel=2", "--set", "pools.0.price_usd_per_hour=1.25");
        assertEquals(0, priced.code(), priced.err());
        JsonNode a = JSON.readTree(plain.out());
        JsonNode b = JSON.readTree(priced.out());
        assertEquals(4, b.get("gpus").asInt());
        assertEquals(4 * 1.25, b.get("cost_per_hour_usd").asDouble(), 1e-9);
        assertNotEquals(a.get("cost_per_hour_usd").asDouble(), b.get("cost_per_hour_usd").asDouble(), "the catalog price is not 1.25");
        assertEquals(a.get("p99_ttft_ms"), b.get("p99_ttft_ms"), "a price changes no simulated result");
        double perMillion = 4 * 1.25 / 3600.0 / b.get("output_throughput").asDouble() * 1e6;
        assertEquals(perMillion, b.get("cost_per_million_output_tokens_usd").asDouble(), 1e-9);
        try (RunStore runs = RunStore.open(db)) {
            JsonNode stored = JSON.readTree(runs.run(b.get("run_id").asLong()).orElseThrow().summaryJson());
            assertEquals(5.0, stored.get("cost_per_hour_usd").asDouble(), 1e-9);
        }
    }

    @Test
    void aSweepVariesThePriceByItsDottedPath() throws Exception {
        Path sweep = dir.resolve("price.yaml");
        Files.writeString(sweep, "name: price-axis\nbase: " + quickstart() + "\nvary:\n"
                + "  workload.requests: [150]\n  pools.0.replicas: [1, 3]\n  pools.0.price_usd_per_hour: [0.5, 3.0]\n");
        Cli r = Cli.run("sweep", "run", sweep.toString(), "--db", dir.resolve("runs.db").toString(), "--parallel", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode points = JSON.readTree(r.out()).get("points");
        assertEquals(4, points.size());
        for (JsonNode p : points) {
            assertEquals("completed", p.get("status").asText(), p.toString());
            double price = p.get("params").get("pools.0.price_usd_per_hour").asDouble();
            int replicas = p.get("params").get("pools.0.replicas").asInt();
            assertEquals(replicas * price, p.get("metrics").get("cost_per_hour_usd").asDouble(), 1e-9, p.toString());
        }
    }

    @Test
    void aNegativePriceIsOneLineNamingTheField() {
        Cli r = Cli.run("run", quickstart().toString(), "--db", dir.resolve("runs.db").toString(), "--set",
                "pools.0.price_usd_per_hour=-2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pools[0].price_usd_per_hour"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
