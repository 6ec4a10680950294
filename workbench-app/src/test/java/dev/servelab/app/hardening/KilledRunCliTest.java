package dev.servelab.app.hardening;

import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Must show" of issue 14 with real processes: {@code servelab run} in a child JVM is killed
 * with SIGKILL in the middle of its run; {@code servelab runs list} then shows the run
 * {@code interrupted} (while the child lived, the same listing showed it {@code running}).
 */
class KilledRunCliTest {
    @TempDir
    Path dir;

    @Test
    void aRunKilledMidwayIsListedInterrupted() throws Exception {
        Path db = dir.resolve("runs.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.servelab.engine.cli.Main", "run",
                BadInputCliTest.PIPELINES.resolve("quickstart.yaml").toString(), "--set", "workload.requests=100000000",
                "--db", db.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            RunInfo running = waitForRunningRow(db, child);
            Cli during = Cli.run("runs", "--db", db.toString(), "list");
            assertTrue(during.out().contains(" running "), during.out());
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            Cli after = Cli.run("runs", "--db", db.toString(), "list");
            assertEquals(0, after.exit(), after.err());
            assertTrue(after.out().contains(" interrupted "), after.out());
            try (RunStore store = RunStore.open(db)) {
                RunInfo r = store.run(running.runId()).orElseThrow();
                assertEquals(RunStatus.INTERRUPTED, r.status());
                assertTrue(r.error().contains("last progress at " + r.finishedAt()), r.error());
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private static RunInfo waitForRunningRow(Path db, Process child) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!child.isAlive()) throw new AssertionError("the child run ended early: exit " + child.exitValue());
            if (Files.exists(db)) {
                try (RunStore store = RunStore.open(db)) {
                    List<RunInfo> runs = store.listRuns();
                    if (!runs.isEmpty() && runs.getFirst().status() == RunStatus.RUNNING) return runs.getFirst();
                } catch (RuntimeException stillCreating) {
                    // the child is creating the store's tables
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no running row after 60 s");
    }
}
