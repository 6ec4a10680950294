package dev.servelab.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunStoreTest {
    @TempDir
    Path dir;

    private static NewRun newRun(String name) {
        return new NewRun(name, "sim", 7, "workload.poisson", 2, 1000, "{\"name\":\"" + name + "\"}", "{\"servelab\":\"test\"}");
    }

    @Test
    void runLifecycleRoundTripsThroughARealFile() throws Exception {
        Path db = dir.resolve("runs.db");
        long id;
        try (RunStore store = RunStore.open(db)) {
            id = store.beginRun(newRun("a"));
            assertEquals(RunStatus.RUNNING, store.run(id).orElseThrow().status());
            store.finishRun(id, RunStatus.COMPLETED, "{\"completed\":3}", null);
        }
        try (RunStore reopened = RunStore.open(db)) {
            RunInfo r = reopened.run(id).orElseThrow();
            assertEquals(RunStatus.COMPLETED, r.status());
            assertEquals("{\"completed\":3}", r.summaryJson());
            assertEquals(7, r.seed());
            assertEquals(2, r.replicas());
            assertEquals("{\"name\":\"a\"}", r.pipelineJson());
            assertTrue(r.finishedAt() != null);
            try (Connection c = reopened.newReadConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
        }
    }

    @Test
    void aRunThatNeverFinishedStaysMarkedRunningAndAFailedOneKeepsItsError() {
        try (RunStore store = RunStore.open(dir.resolve("crash.db"))) {
            long crashed = store.beginRun(newRun("crashed"));
            long failed = store.beginRun(newRun("failed"));
            store.finishRun(failed, RunStatus.FAILED, null, "trace.csv:12: bad line");
            assertEquals(RunStatus.RUNNING, store.run(crashed).orElseThrow().status());
            RunInfo f = store.run(failed).orElseThrow();
            assertEquals(RunStatus.FAILED, f.status());
            assertNull(f.summaryJson());
            assertEquals("trace.csv:12: bad line", f.error());
            assertEquals(2, store.listRuns().size());
        }
    }

    @Test
    void iterationChunksDecodeToTheRecordedIterations() {
        VarintCodec c = new VarintCodec(16);
        // two iterations: [100, 110) with 5 prefill tokens, [112, 120) with 2 decode tokens
        long[] fields = {0, 10, 5, 0, 1, 3, 2, 8, 0, 2, 2, 4};
        for (long f : fields) c.write(f);
        IterationDecoder d = IterationDecoder.decode(100, 2, c.toBytes());
        assertEquals(100, d.startNanos()[0]);
        assertEquals(110, d.endNanos()[0]);
        assertEquals(112, d.startNanos()[1]);
        assertEquals(120, d.endNanos()[1]);
        assertEquals(5, d.prefillTokens()[0]);
        assertEquals(2, d.decodeTokens()[1]);
        assertEquals(4, d.kvUsedBlocks()[1]);
    }
}
