package dev.servelab.engine.store;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cluster events go through the real recorder into a real SQLite file and come back in time order, per run. */
class RunEventsTest {
    @TempDir
    Path dir;

    @Test
    void eventsRoundTripInTimeOrderPerRun() {
        Path db = dir.resolve("runs.db");
        List<ClusterEvent> first = List.of(
                new ClusterEvent(5_000_000L, ClusterEventKind.FAULT_STARTED, 2, "slowdown x1.5"),
                new ClusterEvent(1_000_000L, ClusterEventKind.REPLICA_UNHEALTHY, 0, "3 consecutive failures"),
                new ClusterEvent(9_000_000L, ClusterEventKind.ROLLOUT_STAGE, -1, "25 %"));
        long a;
        long b;
        try (RunStore store = RunStore.open(db)) {
            a = store.beginRun(new NewRun("a", "sim", 1, "w", 3, 100, "{}", "{}"));
            b = store.beginRun(new NewRun("b", "sim", 1, "w", 1, 100, "{}", "{}"));
            RunRecorder ra = new RunRecorder(store, a, 3, 100_000_000L);
            first.forEach(ra::onClusterEvent);
            ra.complete();
            RunRecorder rb = new RunRecorder(store, b, 1, 100_000_000L);
            rb.onClusterEvent(new ClusterEvent(7L, ClusterEventKind.REPLICA_CRASHED, 0, null));
            rb.complete();
        }
        try (StoreReader reader = StoreReader.open(db)) {
            List<ClusterEvent> read = reader.events(a);
            assertEquals(List.of(first.get(1), first.get(0), first.get(2)), read);
            assertEquals(List.of(new ClusterEvent(7L, ClusterEventKind.REPLICA_CRASHED, 0, "")), reader.events(b));
        }
    }

    @Test
    void kindsKeepTheirStoredSpelling() {
        for (ClusterEventKind k : ClusterEventKind.values()) assertEquals(k, ClusterEventKind.fromDb(k.dbValue()));
        assertEquals("rollout-rolled-back", ClusterEventKind.ROLLOUT_ROLLED_BACK.dbValue());
    }
}
