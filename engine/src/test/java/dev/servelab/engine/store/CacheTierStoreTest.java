package dev.servelab.engine.store;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.LongList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema version 3 in a real SQLite file: hits by KV tier recorded per request and per bucket come back from the
 * reader; a store as version 2 wrote it (without the tier tables) reads with no tier hits, and opening it for
 * writing adds the tables, marks it version 3 and keeps its runs.
 */
class CacheTierStoreTest {
    private static final long BUCKET = 1_000_000_000L;

    @TempDir
    Path dir;

    /** A request with 48 cached tokens: 16 from the CPU tier, 16 from disk (and 16 on the GPU). */
    private record Tiered(Request request, int replica) implements dev.servelab.engine.observe.SequenceRecord {
        public long firstScheduledNanos() { return 10; }
        public long firstTokenNanos() { return 20; }
        public long finishNanos() { return 30; }
        public int generatedTokens() { return request.outputTokens(); }
        public int computedTokens() { return request.promptTokens() + request.outputTokens(); }
        public int cachedTokens() { return 48; }
        public int totalCachedTokens() { return 48; }
        public int cachedTokensCpu() { return 16; }
        public int cachedTokensDisk() { return 16; }
        public int preemptions() { return 0; }
        public int blocksHeld() { return 0; }
        public int[] blockTable() { return new int[0]; }
        public boolean isSampled() { return false; }
        public LongList tokenTimes() { return null; }
        public LongList preemptionTimes() { return null; }
    }

    private long record(Path db, boolean tiers) {
        try (RunStore store = RunStore.open(db)) {
            long id = store.beginRun(new NewRun("tiers", "sim", 1, "w", 1, BUCKET / 1_000_000, "{}", "{}"));
            RunRecorder rec = new RunRecorder(store, id, 1, BUCKET);
            Request r = Request.of(0, 0, 64, 4);
            if (tiers) rec.onFinished(new Tiered(r, 0), 30);
            IterationRecord it = new IterationRecord();
            it.startNanos = 0;
            it.endNanos = 30;
            it.kvCapacityBlocks = 10;
            it.lookupTokens = 64;
            it.hitTokens = tiers ? 48 : 16;
            it.hitTokensCpu = tiers ? 16 : 0;
            it.hitTokensDisk = tiers ? 16 : 0;
            rec.onIteration(it);
            rec.complete();
            store.finishRun(id, RunStatus.COMPLETED, "{}", null);
            return id;
        }
    }

    @Test
    void hitsByTierComeBackPerRequestAndPerBucket() {
        Path db = dir.resolve("runs.db");
        long id = record(db, true);
        try (StoreReader r = StoreReader.open(db)) {
            RequestTable t = r.requests(id);
            assertArrayEquals(new int[]{16}, t.cachedCpu());
            assertArrayEquals(new int[]{16}, t.cachedDisk());
            BucketTable b = r.buckets(id, 1, BUCKET);
            assertEquals(16, b.hitGpu(0, 0));
            assertEquals(16, b.hitCpu()[0][0]);
            assertEquals(16, b.hitDisk()[0][0]);
            assertTrue(b.hasLowerTierHits());
        }
    }

    @Test
    void aVersion2StoreReadsWithoutTierHitsAndIsMigratedWhenOpened() throws SQLException {
        Path db = dir.resolve("old.db");
        long old = record(db, false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP TABLE request_cache_tiers");
            s.execute("DROP TABLE bucket_cache_tiers");
            s.execute("UPDATE meta SET value='2' WHERE key='schema_version'");
        }
        try (StoreReader r = StoreReader.open(db)) {
            assertArrayEquals(new int[0], r.requests(old).cachedCpu(), "no requests stored, no tier table: still readable");
            BucketTable b = r.buckets(old, 1, BUCKET);
            assertFalse(b.hasLowerTierHits());
            assertEquals(16, b.hitGpu(0, 0), "the version-2 hits are all GPU hits");
        }
        try (RunStore store = RunStore.open(db)) {
            assertEquals(1, store.listRuns().size(), "the old run is kept");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key='schema_version'")) {
                assertEquals("3", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name IN ('request_cache_tiers','bucket_cache_tiers')")) {
                assertEquals(2, rs.getInt(1));
            }
        }
        long fresh = record(db, true);
        try (StoreReader r = StoreReader.open(db)) {
            assertArrayEquals(new int[]{16}, r.requests(fresh).cachedDisk(), "the migrated store records tiers");
        }
    }
}
