package dev.servelab.app.hybrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.app.hybrid.HybridFixture.Cli;
import dev.servelab.app.hybrid.HybridFixture.RequestRow;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.hw.agent.EdgeAgentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hybrid pipeline — a real edge agent on loopback (replica 0) beside a simulated cloud pool
 * (replica 1) — run through {@code servelab run} into a real SQLite store.
 */
@Timeout(60)
class HybridRunTest {
    @TempDir
    Path dir;

    @Test
    void remoteRequestsCompleteWithEveryTokenTimeStored() throws Exception {
        try (EdgeAgentServer agent = HybridFixture.agent(dir, 5)) {
            Path p = HybridFixture.pipeline(dir, agent.baseUri().toString(), 10, 20, 3, 10);
            Path db = dir.resolve("runs.db");
            Cli c = HybridFixture.cli("run", p.toString(), "--db", db.toString(), "--json");
            assertEquals(0, c.exitCode(), c.err());
            JsonNode j = new ObjectMapper().readTree(c.out());
            assertEquals(10, j.get("completed").asLong(), c.out());
            assertEquals(0, j.get("failed").asLong());
            assertTrue(j.get("mean_itl_ms").asDouble() > 0);
            long runId = j.get("run_id").asLong();
            try (RunStore store = RunStore.open(db)) {
                RunInfo info = store.run(runId).orElseThrow();
                assertEquals("live", info.mode());
                assertEquals(RunStatus.COMPLETED, info.status());
            }
            List<RequestRow> rows = HybridFixture.requests(db, runId);
            assertEquals(10, rows.size());
            for (RequestRow r : rows) {
                assertEquals("completed", r.status(), r.toString());
                if (r.replica() != 0) continue;
                assertEquals(r.outputTokens(), r.tokenNanos().length, "one stored time per streamed token: " + r);
                assertEquals(r.firstTokenNanos(), r.tokenNanos()[0]);
                for (int i = 1; i < r.tokenNanos().length; i++) assertTrue(r.tokenNanos()[i] >= r.tokenNanos()[i - 1]);
            }
            assertEquals(5, rows.stream().filter(r -> r.replica() == 0).count(), "round robin over edge and cloud");
        }
    }

    @Test
    void agentKilledMidRunLeavesFailedRequestsWithTheirPartialTokens() throws Exception {
        EdgeAgentServer agent = HybridFixture.agent(dir, 20);
        try {
            Path p = HybridFixture.pipeline(dir, agent.baseUri().toString(), 8, 20, 150, 200);
            Path db = dir.resolve("runs.db");
            Thread killer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(1_500);
                    agent.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Cli c = HybridFixture.cli("run", p.toString(), "--db", db.toString(), "--json");
            killer.join();
            assertEquals(0, c.exitCode(), "the run goes on: " + c.err());
            JsonNode j = new ObjectMapper().readTree(c.out());
            assertEquals(4, j.get("completed").asLong(), "the cloud half completes: " + c.out());
            assertEquals(4, j.get("failed").asLong(), c.out());
            long runId = j.get("run_id").asLong();
            try (RunStore store = RunStore.open(db)) {
                assertEquals(RunStatus.COMPLETED, store.run(runId).orElseThrow().status());
            }
            List<RequestRow> edge = HybridFixture.requests(db, runId).stream().filter(r -> r.replica() == 0).toList();
            assertEquals(4, edge.size());
            int withTokens = 0;
            for (RequestRow r : edge) {
                assertEquals("failed", r.status(), r.toString());
                assertNotNull(r.reason());
                assertTrue(r.tokenNanos().length < r.outputTokens(), "partial: " + r);
                if (r.tokenNanos().length > 0) {
                    withTokens++;
                    assertEquals(r.firstTokenNanos(), r.tokenNanos()[0]);
                }
            }
            assertTrue(withTokens > 0, "some streams were cut after their first tokens: " + edge);
        } finally {
            agent.kill();
        }
    }

    @Test
    void unreachableDeviceIsOneLineNamingPoolAndUrlAndNoRunIsStored() throws Exception {
        Path p = HybridFixture.pipeline(dir, "http://127.0.0.1:1", 4, 20, 3, 5);
        Path db = dir.resolve("runs.db");
        Cli c = HybridFixture.cli("run", p.toString(), "--db", db.toString(), "--json");
        assertEquals(2, c.exitCode(), c.err());
        String err = c.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("pools[0]") && err.contains("http://127.0.0.1:1"), err);
        assertEquals("", c.out());
        try (RunStore store = RunStore.open(db)) {
            assertTrue(store.listRuns().stream().noneMatch(r -> r.status() == RunStatus.COMPLETED), store.listRuns().toString());
        }
    }
}
