package dev.servelab.app.hybrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.app.hybrid.HybridFixture.Cli;
import dev.servelab.app.hybrid.HybridFixture.RequestRow;
import dev.servelab.hw.agent.DelayingRelay;
import dev.servelab.hw.agent.EdgeAgentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sample-traces/pipelines/hybrid-edge.yaml} as shipped (only the agents' URLs set): edge-near
 * is an agent on loopback, edge-far an agent behind a relay that delivers its replies 50 ms late,
 * cloud four simulated H100 replicas; route.edge-first spreads requests over them.
 */
@Timeout(60)
class HybridSamplePipelineTest {
    @TempDir
    Path dir;

    @Test
    void edgeFarTokensArriveAtLeastTheLinkDelayLater() throws Exception {
        Path pipeline = repoRoot().resolve("sample-traces/pipelines/hybrid-edge.yaml");
        try (EdgeAgentServer near = HybridFixture.agent(dir, 20); EdgeAgentServer far = HybridFixture.agent(dir, 20);
             DelayingRelay link = new DelayingRelay(new InetSocketAddress("127.0.0.1", far.port()), 50)) {
            Path db = dir.resolve("runs.db");
            Cli c = HybridFixture.cli("run", pipeline.toString(), "--requests", "16", "--db", db.toString(), "--json",
                    "--set", "pools.0.endpoint.url=" + near.baseUri(), "--set", "pools.1.endpoint.url=http://127.0.0.1:" + link.port());
            assertEquals(0, c.exitCode(), c.err());
            JsonNode j = new ObjectMapper().readTree(c.out());
            assertEquals(16, j.get("completed").asLong(), c.out());
            List<RequestRow> rows = HybridFixture.requests(db, j.get("run_id").asLong());
            long[] nearTtft = ttftNanos(rows, 0);
            long[] farTtft = ttftNanos(rows, 1);
            assertTrue(nearTtft.length > 0 && farTtft.length > 0, "both edges served: " + rows);
            for (long t : farTtft) assertTrue(t >= 50_000_000, "every edge-far token is at least 50 ms late: " + t);
            assertTrue(median(farTtft) > median(nearTtft), Arrays.toString(nearTtft) + " vs " + Arrays.toString(farTtft));
        }
    }

    private static long[] ttftNanos(List<RequestRow> rows, int replica) {
        return rows.stream().filter(r -> r.replica() == replica).mapToLong(r -> r.firstTokenNanos() - r.arrivalNanos()).sorted().toArray();
    }

    private static long median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName().toString().equals("workbench-app") ? here.getParent() : here;
    }
}
