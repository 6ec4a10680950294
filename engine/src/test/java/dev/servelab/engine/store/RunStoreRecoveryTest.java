package dev.servelab.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.ServeLabException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery: a run whose writer process was killed ({@code kill -9} of a real child JVM) is
 * marked {@code interrupted} when the store is next opened, while a live writer's run is left
 * {@code running}; a full disk names SQLITE_FULL; a store that cannot be written is still listed.
 */
class RunStoreRecoveryTest {
    @TempDir
    Path dir;

    private static NewRun run(String name) {
        return new NewRun(name, "sim", 7, "workload.poisson", 1, 1000, "{}", "{}");
    }

    @Test
    void aKilledWritersRunIsInterruptedALiveOnesStaysRunning() throws Exception {
        Path db = dir.resolve("runs.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DeadWriterChild.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("began "), "child said: " + line);
            long id = Long.parseLong(line.substring(6).strip());
            try (RunStore store = RunStore.open(db)) {
                assertEquals(RunStatus.RUNNING, store.run(id).orElseThrow().status(), "its writer is alive");
            }
            child.destroyForcibly();   // SIGKILL: no shutdown hook, no finishRun
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            try (RunStore store = RunStore.open(db)) {
                RunInfo r = store.run(id).orElseThrow();
                assertEquals(RunStatus.INTERRUPTED, r.status());
                assertTrue(r.error().startsWith("interrupted: the process writing this run stopped"), r.error());
                assertTrue(r.finishedAt() != null && r.error().contains(r.finishedAt()), "ends at its last progress: " + r);
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aRunOfThisProcessIsNeverMarkedInterruptedAndItsLockGoesWithIt() {
        Path db = dir.resolve("runs.db");
        try (RunStore writer = RunStore.open(db)) {
            long id = writer.beginRun(run("live"));
            try (RunStore other = RunStore.open(db)) {
                assertEquals(RunStatus.RUNNING, other.run(id).orElseThrow().status());
            }
            writer.finishRun(id, RunStatus.COMPLETED, "{}", null);
            assertEquals(RunStatus.COMPLETED, writer.run(id).orElseThrow().status());
        }
        try (var locks = Files.list(dir.resolve("runs.db.locks"))) {
            assertEquals(0, locks.count(), "a finished run leaves no lock file");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rowsWithoutALockFromAnOlderStoreAreInterrupted() throws Exception {
        Path db = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // the version-1 runs table, with a run its (old) writer left running
            s.execute("CREATE TABLE runs (run_id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, mode TEXT NOT NULL,"
                    + " status TEXT NOT NULL, created_at TEXT NOT NULL, finished_at TEXT, seed INTEGER NOT NULL, workload TEXT,"
                    + " replicas INTEGER NOT NULL, bucket_ms INTEGER NOT NULL, pipeline_json TEXT NOT NULL,"
                    + " versions_json TEXT NOT NULL, summary_json TEXT, error TEXT)");
            s.execute("INSERT INTO runs(name, mode, status, created_at, seed, replicas, bucket_ms, pipeline_json, versions_json)"
                    + " VALUES ('old', 'sim', 'running', '2026-01-01T00:00:00Z', 1, 1, 1000, '{}', '{}')");
        }
        try (RunStore store = RunStore.open(db)) {
            RunInfo r = store.listRuns().getFirst();
            assertEquals(RunStatus.INTERRUPTED, r.status());
            assertEquals("2026-01-01T00:00:00Z", r.finishedAt(), "no heartbeat: last progress is its start");
        }
    }

    @Test
    void aFullDiskNamesSqliteFullAndTheRunIsNotLeftRunning() throws Exception {
        Path db = dir.resolve("full.db");
        long id;
        try (RunStore store = RunStore.open(db)) {
            id = store.beginRun(run("full"));
            try (Statement s = store.connection().createStatement()) {
                s.execute("PRAGMA max_page_count=" + pageCount(store));   // no page more: SQLITE_FULL on the next insert
            }
            RunRecorder recorder = new RunRecorder(store, id, 1, 1_000_000_000L);
            for (int i = 0; i < 20_000; i++) {
                recorder.onRejected(dev.servelab.engine.model.Request.of(i, i, 100, 10), "x".repeat(200), 0, i);
            }
            ServeLabException e = assertThrows(ServeLabException.class, recorder::complete);
            assertTrue(e.getMessage().contains("the disk is full") && e.getMessage().contains("SQLITE_FULL"), e.getMessage());
            assertFalse(e.getMessage().contains("no transaction is active"), e.getMessage());
            recorder.close();
            try {
                store.finishRun(id, RunStatus.FAILED, null, e.getMessage());
            } catch (ServeLabException ignored) {
                // marking may fail on the full disk too; the released lock lets the next open say interrupted
            }
        }
        try (RunStore store = RunStore.open(db)) {
            RunStatus status = store.run(id).orElseThrow().status();
            assertTrue(status == RunStatus.FAILED || status == RunStatus.INTERRUPTED, status.toString());
        }
    }

    private static long pageCount(RunStore store) throws Exception {
        try (Statement s = store.connection().createStatement(); var rs = s.executeQuery("PRAGMA page_count")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aStoreThatCannotBeWrittenIsListedAndRefusesNewRuns() throws Exception {
        Path db = dir.resolve("ro.db");
        long id;
        try (RunStore store = RunStore.open(db)) {
            id = store.beginRun(run("kept"));
            store.finishRun(id, RunStatus.COMPLETED, "{\"completed\":1}", null);
        }
        // what open() does on read-only media (root may write any file, so the media are not simulated by permissions)
        try (RunStore store = RunStore.openReadOnly(db)) {
            assertReadOnly(store, id);
        }
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(db), "running as root: permissions do not make the file read-only");
            try (RunStore store = RunStore.open(db)) {
                assertReadOnly(store, id);
            }
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void assertReadOnly(RunStore store, long id) {
        assertTrue(store.isReadOnly());
        assertEquals(RunStatus.COMPLETED, store.run(id).orElseThrow().status());
        ServeLabException e = assertThrows(ServeLabException.class, () -> store.beginRun(run("new")));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
}
