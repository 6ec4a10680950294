package dev.servelab.app.sla;

import dev.servelab.app.TestRuns;
import dev.servelab.app.cache.HitMapViewModel;
import dev.servelab.app.data.RunData;
import dev.servelab.app.data.RunReader;
import dev.servelab.app.runs.RunsViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result view models over real runs stored in a real SQLite file. */
class ResultViewModelsTest {
    @TempDir
    static Path dir;
    static RunReader reader;
    static RunData a;
    static RunData b;

    @BeforeAll
    static void runTwice() {
        Path db = dir.resolve("runs.db");
        long ra = TestRuns.run(db, "least", "workload.requests=300");
        long rb = TestRuns.run(db, "rr", "workload.requests=300", "router=route.round-robin");
        reader = new RunReader(db);
        a = reader.load(ra);
        b = reader.load(rb);
    }

    @Test
    void storedRunDecodesToConsistentTables() {
        assertEquals(300, a.requests().size());
        assertEquals(300, a.tokens().rows(), "small runs keep every request's token times");
        long tokens = 0;
        for (int i = 0; i < 300; i++) tokens += a.requests().output()[i];
        assertEquals(tokens, a.tokens().totalTokens());
        long decoded = a.iterations().stream().mapToLong(it -> java.util.Arrays.stream(it.decode()).sum()).sum();
        long bucketDecode = 0;
        for (long[] r : a.buckets().decode()) for (long v : r) bucketDecode += v;
        assertEquals(decoded, bucketDecode, "iterations and buckets agree on decode tokens");
        assertEquals(500, a.slo().ttftMs());
    }

    @Test
    void slaChartsHoldTheRunsLatencies() {
        SlaViewModel vm = new SlaViewModel();
        vm.show(List.of(a));
        Curve ttft = vm.ttft().getFirst();
        double maxTtft = 0;
        for (int i = 0; i < a.requests().size(); i++) maxTtft = Math.max(maxTtft, a.requests().ttftMs(i));
        assertEquals(maxTtft, ttft.x()[ttft.size() - 1], 1e-9);
        assertEquals(1.0, ttft.y()[ttft.size() - 1]);
        assertEquals(500, vm.ttftSloProperty().get());
        assertEquals(300, a.summary().get("completed"));
        assertEquals(3, vm.ttftOverTime().size());
        assertEquals(2, vm.throughput().size());
        double outTokens = 0;
        Curve out = vm.throughput().getFirst();
        for (double v : out.y()) outTokens += v * a.buckets().bucketSeconds();
        long bucketDecode = 0;
        for (long[] r : a.buckets().decode()) for (long v : r) bucketDecode += v;
        assertEquals(bucketDecode, outTokens, 1e-6, "output tok/s integrates to the decode tokens of the buckets");
        assertTrue(vm.attainmentProperty().get() >= 0 && vm.attainmentProperty().get() <= 1);
        assertTrue(vm.headlineProperty().get().matches(".*SLO attainment [0-9.]+ % · goodput [0-9.]+ req/s · SLOs: TTFT ≤ 500 ms.*"),
                vm.headlineProperty().get());
    }

    @Test
    void aClosedLoopHeadlineCountsTheMeasuredRequestsLikeTheTable() {
        var tree = dev.servelab.engine.pipeline.PipelineLoader.readTree(
                dev.servelab.app.gui.Examples.directory().resolve("closed-loop.yaml"));
        for (String o : List.of("workload.concurrency=4", "workload.requests=12", "workload.warmup_requests=4"))
            dev.servelab.engine.pipeline.Overrides.apply(tree, o);
        Path db = dir.resolve("closed.db");
        long id = dev.servelab.app.run.PipelineRunner.start(tree, "closed", dev.servelab.app.gui.Examples.directory(), db,
                dev.servelab.engine.plugin.PluginRegistry.load()).outcome().join().runId();
        RunData run = new RunReader(db).load(id);
        SlaViewModel vm = new SlaViewModel();
        vm.show(List.of(run));
        assertEquals(8.0, run.summary().get("completed"), "warm-up requests are not measured");
        assertTrue(vm.headlineProperty().get().contains("— 8 requests completed"), vm.headlineProperty().get());
    }

    @Test
    void aRunWithoutSlosShowsNoGoodputRatherThanNaN() {
        assertEquals("—", SlaViewModel.goodput(null));
        assertEquals("—", SlaViewModel.goodput(Double.NaN));
        assertEquals("7.24 req/s", SlaViewModel.goodput(7.2397));
    }

    @Test
    void comparisonOverlaysRunsAndComputesDeltas() {
        RunsViewModel vm = new RunsViewModel();
        vm.setRuns(reader.runs());
        assertEquals(2, vm.runs().size());
        assertEquals(b.info().runId(), vm.runs().getFirst().id(), "newest first");
        vm.compare(List.of(a, b));
        assertEquals(2, vm.overlay().ttft().size());
        var ttft = vm.deltas().stream().filter(d -> d.metric().equals("mean_ttft_ms")).findFirst().orElseThrow();
        assertEquals(b.summary().get("mean_ttft_ms") - a.summary().get("mean_ttft_ms"), ttft.delta(1), 1e-9);
        String csv = vm.deltasCsv();
        assertTrue(csv.startsWith("metric,#" + a.info().runId() + " least,#" + b.info().runId() + " rr,delta"), csv);
        assertTrue(vm.runsCsv().lines().count() == 3);
    }

    @Test
    void hitMapCellsListTheRequestsScheduledInThem() {
        HitMapViewModel vm = new HitMapViewModel();
        vm.show(a.buckets(), a.requests());
        assertEquals(Math.min(2, a.info().replicas()), vm.kvUsage().size(), "the first replicas' KV lines when a run opens");
        int total = 0;
        for (int r = 0; r < a.buckets().replicas(); r++) {
            for (int k = 0; k < a.buckets().buckets(); k++) {
                vm.select(r, k);
                total += vm.cellRequests().size();
            }
        }
        assertEquals(300, total, "every request is in exactly one cell");
        assertEquals(a.info().replicas(), vm.kvUsage().size(), "selecting a cell adds its replica's KV line");
        vm.kvReplicas().setAll(1);
        assertEquals(java.util.List.of("replica 1"), vm.kvUsage().stream().map(c -> c.name()).toList());
        vm.zoom(0.5, 0);
        assertTrue(a.buckets().buckets() <= 4 || vm.toBucketProperty().get() < a.buckets().buckets(), "zoomed in");
        var line = vm.kvUsage().getFirst();
        assertTrue(line.x()[line.size() - 1] <= vm.toBucketProperty().get() * a.buckets().bucketSeconds(), "the KV line follows the zoom");
    }
}
