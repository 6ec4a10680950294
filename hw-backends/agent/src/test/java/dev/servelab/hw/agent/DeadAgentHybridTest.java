package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.store.StoreReader;
import dev.servelab.engine.workload.WorkloadFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's dead-agent scenario on loopback: a live hybrid run over two real edge agents and a
 * simulated cloud pool; the first agent is killed when the tenth request arrives (about 0.8 s in). Without {@code retry:} only the
 * requests sent to it before the cluster saw it fail are lost (the others go to the live replicas);
 * with {@code retry:} those are served elsewhere and none is lost. Both runs record the health change
 * (and the retries) as events in the store.
 */
@Timeout(120)
class DeadAgentHybridTest {
    private static final int REQUESTS = 30;

    @TempDir
    Path dir;

    record Row(long id, int replica, String status, String reason, long arrivalNanos, long firstTokenNanos) {
        long ttftNanos() {
            return firstTokenNanos - arrivalNanos;
        }
    }

    @Test
    void withoutRetryOnlyTheDeadAgentsInFlightRequestsFail() throws Exception {
        Result r = runWithAgentKilled("");
        ClusterEvent unhealthy = firstEvent(r.events(), ClusterEventKind.REPLICA_UNHEALTHY);
        assertEquals(0, unhealthy.replica(), r.events().toString());
        assertTrue(r.events().stream().noneMatch(e -> e.kind() == ClusterEventKind.REPLICA_HEALTHY), "the agent stays dead: " + r.events());
        List<Row> failed = r.rows().stream().filter(x -> x.status().equals("failed")).toList();
        assertTrue(!failed.isEmpty(), "the kill cut some requests: " + r.rows());
        for (Row f : failed) {
            assertEquals(0, f.replica(), "only the dead agent's requests fail: " + f);
            assertTrue(f.arrivalNanos() <= unhealthy.atNanos(), "sent before the cluster knew it was dead: " + f + " / " + unhealthy);
        }
        for (Row x : r.rows()) {
            if (x.arrivalNanos() > unhealthy.atNanos()) assertTrue(x.replica() != 0, "routed to the dead agent after it was marked: " + x);
        }
        assertEquals(REQUESTS - failed.size(), r.outcome().metrics().completed());
        assertEquals((long) failed.size(), r.outcome().metrics().failed());
        assertTrue(r.rows().stream().anyMatch(x -> x.replica() == 1 && x.status().equals("completed")), "the other agent served");
        System.err.println("dead agent, no retry: " + failed.size() + " of " + REQUESTS + " failed; events " + r.events());
    }

    @Test
    void withRetryTheDeadAgentsRequestsSucceedElsewhere() throws Exception {
        Result r = runWithAgentKilled("retry: {max_attempts: 3, on: [connect, stream, http-5xx]}\n");
        assertEquals(REQUESTS, r.outcome().metrics().completed(), r.rows().toString());
        assertEquals(0L, r.outcome().metrics().failed());
        List<ClusterEvent> retries = r.events().stream().filter(e -> e.kind() == ClusterEventKind.REQUEST_RETRIED).toList();
        assertTrue(!retries.isEmpty(), "the kill cut some requests, sent again: " + r.events());
        for (ClusterEvent e : retries) {
            assertTrue(e.replica() != 0, "retried on another replica: " + e);
            assertTrue(e.detail().contains("on replica 0"), e.detail());
        }
        Map<String, Object> summary = r.outcome().metrics().toMap();
        assertEquals((long) retries.size(), summary.get("requests_retried"));
        assertEquals(0, firstEvent(r.events(), ClusterEventKind.REPLICA_UNHEALTHY).replica());
        System.err.println("dead agent, retry: " + retries.size() + " retried, 0 of " + REQUESTS + " failed");
    }

    /**
     * The agent is killed at about 1 s and started again on the same port 0.8 s later: the cluster's
     * probes (every 300 ms) find it, re-admit it, and later requests are routed to it again.
     */
    @Test
    void aRestartedAgentIsProbedAndReadmitted() throws Exception {
        List<EdgeAgentServer> revived = new ArrayList<>();
        Result r = run(96, "health: {probe_backoff_ms: 300, probe_backoff_max_ms: 300}\n"
                + "retry: {max_attempts: 3, on: [connect, stream]}\n", (doomed, run) -> {
            awaitArrivals(run, 10);
            doomed.kill();
            sleep(800);
            try {
                revived.add(EdgeAgentServer.start(AgentConfig.loopback(dir.resolve("tiny.gguf")).withIterationFloorMillis(20)
                        .withBind("127.0.0.1", doomed.port(), null)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        revived.forEach(EdgeAgentServer::close);
        ClusterEvent down = firstEvent(r.events(), ClusterEventKind.REPLICA_UNHEALTHY);
        ClusterEvent up = firstEvent(r.events(), ClusterEventKind.REPLICA_HEALTHY);
        assertEquals(0, up.replica());
        assertEquals("answered a probe", up.detail());
        assertTrue(up.atNanos() - down.atNanos() >= 800_000_000L, "down for the restart's 0.8 s at least: " + r.events());
        assertTrue(r.rows().stream().anyMatch(x -> x.replica() == 0 && x.arrivalNanos() > up.atNanos() && x.status().equals("completed")),
                "routed to the re-admitted agent again: " + r.events() + " " + r.rows());
        assertEquals(96, r.outcome().metrics().completed());
    }

    /**
     * A {@code faults:} crash of the edge-near pool at 1.0 s for 1.0 s on a live hybrid run: its streams
     * are cut for real (the agent sees its clients go), the requests in flight on it fail without
     * {@code retry:} and are served by the other pools with it; it is back in routing at 2.0 s.
     */
    @Test
    void anInjectedCrashOfARemotePoolFailsOrRetriesOnlyItsInFlightRequests() throws Exception {
        String crash = "faults: [{kind: crash, pool: edge-near, at_s: 1.0, restart_s: 1.0}]\n";
        Result plain = run(REQUESTS, crash, (doomed, run) -> { });
        ClusterEvent crashed = firstEvent(plain.events(), ClusterEventKind.REPLICA_CRASHED);
        assertEquals(1_000_000_000L, crashed.atNanos());
        assertEquals(2_000_000_000L, firstEvent(plain.events(), ClusterEventKind.REPLICA_RESTARTED).atNanos());
        List<Row> failed = plain.rows().stream().filter(x -> x.status().equals("failed")).toList();
        assertTrue(crashed.detail().endsWith(failed.size() + " requests in flight cut off"), crashed.detail() + " / " + failed);
        for (Row f : failed) {
            assertEquals(0, f.replica(), f.toString());
            assertTrue(f.arrivalNanos() < crashed.atNanos(), f.toString());
            assertEquals("replica 0 crashed (injected fault)", f.reason());
        }
        for (Row x : plain.rows()) {
            boolean down = x.arrivalNanos() > crashed.atNanos() && x.arrivalNanos() < 2_000_000_000L;
            if (down) assertTrue(x.replica() != 0, "routed to the crashed replica: " + x);
        }
        assertTrue(plain.rows().stream().anyMatch(x -> x.replica() == 0 && x.arrivalNanos() > 2_000_000_000L), "back after restart");

        Result retried = run(REQUESTS, crash + "retry: {max_attempts: 2, on: [crash]}\n", (doomed, run) -> { });
        assertEquals(REQUESTS, retried.outcome().metrics().completed());
        List<ClusterEvent> retries = retried.events().stream().filter(e -> e.kind() == ClusterEventKind.REQUEST_RETRIED).toList();
        assertEquals(retried.outcome().metrics().toMap().get("requests_retried"), (long) retries.size());
        for (ClusterEvent e : retries) assertTrue(e.replica() != 0 && e.atNanos() == 1_000_000_000L, e.toString());
        System.err.println("live crash fault: " + failed.size() + " failed without retry; " + retries.size() + " retried with retry");
    }

    /**
     * A {@code delay} fault of 200 ms on edge-near over [0, 1.5) s: the replies of its requests that
     * start in the window reach the run at least 200 ms late (the tiny agent's own first token takes
     * tens of ms), the other agent's do not, and nothing is lost.
     */
    @Test
    void aDelayFaultHoldsARemotePoolsRepliesBackForItsWindow() throws Exception {
        Result r = run(REQUESTS, "faults: [{kind: delay, pool: edge-near, at_s: 0, duration_s: 1.5, delay_ms: 200}]\n",
                (doomed, run) -> { });
        assertEquals(REQUESTS, r.outcome().metrics().completed());
        List<Row> delayed = r.rows().stream().filter(x -> x.replica() == 0 && x.arrivalNanos() < 1_000_000_000L).toList();
        assertTrue(!delayed.isEmpty(), r.rows().toString());
        for (Row x : delayed) assertTrue(x.ttftNanos() >= 200_000_000L, "held back 200 ms: " + x);
        assertTrue(r.rows().stream().anyMatch(x -> x.replica() == 1 && x.ttftNanos() < 200_000_000L), "the other agent is not: " + r.rows());
        assertEquals(List.of(ClusterEventKind.FAULT_STARTED, ClusterEventKind.FAULT_ENDED), r.events().stream().map(ClusterEvent::kind).toList());
    }

    private record Result(RunOutcome outcome, List<Row> rows, List<ClusterEvent> events) {
    }

    private interface Chaos {
        void act(EdgeAgentServer doomed, PipelineRun run);
    }

    /** Waits until the run has seen {@code n} arrivals (so the chaos is timed by the run, not by a cold JVM's start). */
    private static void awaitArrivals(PipelineRun run, long n) {
        while (run.progress().arrived() < n) sleep(5);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Result runWithAgentKilled(String retry) throws Exception {
        return run(REQUESTS, retry, (doomed, run) -> {
            awaitArrivals(run, 10);
            doomed.kill();
        });
    }

    private Result run(int requests, String sections, Chaos chaos) throws Exception {
        Path model = TinyAgentFixture.tinyModel(dir);
        EdgeAgentServer doomed = EdgeAgentServer.start(AgentConfig.loopback(model).withIterationFloorMillis(20));
        try (EdgeAgentServer other = EdgeAgentServer.start(AgentConfig.loopback(model).withIterationFloorMillis(20));
             RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            Path file = Files.writeString(dir.resolve("hybrid.yaml"), """
                    seed: 5
                    workload:
                      type: workload.poisson
                      rate_per_s: 12
                      requests: %d
                      input: {dist: uniform, min: 8, max: 24}
                      output: {dist: uniform, min: 20, max: 40}
                    router: route.round-robin
                    %s
                    pools:
                      - name: edge-near
                        kind: remote
                        endpoint: {type: remote.openai, url: "%s", dialect: servelab, max_concurrent: 8, max_attempts: 1}
                      - name: edge-far
                        kind: remote
                        endpoint: {type: remote.openai, url: "%s", dialect: servelab, max_concurrent: 8, max_attempts: 1}
                      - name: cloud
                        replicas: 2
                        executor: exec.roofline
                    """.formatted(requests, sections, doomed.baseUri(), other.baseUri()));
            PipelineSpec spec = PipelineLoader.load(file, List.of());
            PluginRegistry registry = PluginRegistry.load();
            PipelineRun run = PipelineRun.live(spec, registry,
                    WorkloadFactory.open(registry, spec.workload(), spec.seed(), 0, spec.baseDir()), "test", requests, store, 1.0);
            Thread killer = Thread.ofVirtual().start(() -> chaos.act(doomed, run));
            RunOutcome outcome = run.run("live", null);
            killer.join();
            List<ClusterEvent> events;
            try (StoreReader reader = StoreReader.open(dir.resolve("runs.db"))) {
                events = reader.events(outcome.runId());
            }
            return new Result(outcome, rows(dir.resolve("runs.db"), outcome.runId()), events);
        } finally {
            doomed.close();
        }
    }

    private static ClusterEvent firstEvent(List<ClusterEvent> events, ClusterEventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + events));
    }

    private static List<Row> rows(Path db, long runId) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT request_id, replica, status, reason, arrival_ns, first_token_ns FROM requests WHERE run_id = "
                     + runId + " ORDER BY request_id")) {
            while (rs.next()) rows.add(new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)));
        }
        return rows;
    }
}
