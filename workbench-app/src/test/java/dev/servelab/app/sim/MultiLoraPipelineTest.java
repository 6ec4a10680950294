package dev.servelab.app.sim;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.metrics.MetricsCollector;
import dev.servelab.engine.metrics.RunSummary;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.Cluster;
import dev.servelab.engine.run.ClusterBuilder;
import dev.servelab.engine.workload.WorkloadFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped example {@code sample-traces/pipelines/multi-lora.yaml} through the real engine, plugins and
 * roofline executor, every iteration watched: no batch ever holds more than {@code max_loras} distinct
 * adapters, the adapter loads the iterations report add up to {@code lora_swaps}, the same seed gives the same
 * run, and adapter-affinity routing loads adapters less often than round-robin on the Zipf mix.
 */
class MultiLoraPipelineTest {
    private static final Path EXAMPLE = repoRoot().resolve("sample-traces/pipelines/multi-lora.yaml");

    /** Watches every iteration of every replica. */
    private static final class Watch implements RunObserver {
        long iterations;
        int maxAdapters;
        long loads;
        long fullBatches;
        int limit;

        @Override
        public void onIteration(IterationRecord it) {
            iterations++;
            maxAdapters = Math.max(maxAdapters, it.loraAdapters);
            loads += it.loraSwaps;
            if (it.loraAdapters == limit) fullBatches++;
            assertTrue(it.loraAdapters <= limit, "replica " + it.replica + " at " + it.startNanos + " ns: "
                    + it.loraAdapters + " adapters in one batch, max_loras " + limit);
        }
    }

    private record Result(RunSummary summary, Watch watch) {
    }

    private static Result run(int maxLoras, String... overrides) {
        PluginRegistry plugins = PluginRegistry.load();
        List<String> all = new java.util.ArrayList<>(List.of(overrides));
        all.add("pools[0].lora.max_loras=" + maxLoras);
        PipelineSpec spec = PipelineLoader.load(EXAMPLE, all);
        MetricsCollector metrics = new MetricsCollector(spec.slo());
        metrics.countLoraSwaps();
        Watch watch = new Watch();
        watch.limit = maxLoras;
        EventLoop loop = new EventLoop();
        Cluster cluster = ClusterBuilder.build(spec, plugins, WorkloadFactory.open(plugins, spec.workload(), spec.seed(), 0,
                spec.baseDir()), loop, new RunObserver[] {metrics, watch});
        cluster.start();
        loop.run();
        return new Result(metrics.summary(), watch);
    }

    @Test
    void noBatchEverHoldsMoreThanMaxLorasAdaptersAndEveryLoadIsCounted() {
        for (int maxLoras : new int[] {1, 2, 4}) {
            Result r = run(maxLoras, "workload.requests=500");
            assertEquals(500, r.summary().completed());
            assertEquals(maxLoras, r.watch().maxAdapters, "the slots are used up to max_loras " + maxLoras);
            assertTrue(r.watch().fullBatches > 0);
            assertEquals(r.watch().loads, r.summary().loraSwaps(), "lora_swaps is the sum of the iterations' loads");
            assertTrue(r.summary().loraSwaps() >= 50, "a 100-adapter Zipf mix loads adapters: " + r.summary().loraSwaps());
        }
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnotherAdapterMix() {
        Result a = run(4, "workload.requests=300");
        Result b = run(4, "workload.requests=300");
        Result c = run(4, "workload.requests=300", "seed=7");
        assertEquals(a.summary(), b.summary());
        assertEquals(a.watch().loads, b.watch().loads);
        assertNotEquals(a.summary().loraSwaps(), c.summary().loraSwaps());
    }

    @Test
    void adapterAffinityLoadsAdaptersLessOftenThanRoundRobin() {
        Result affinity = run(4, "workload.requests=1000");
        Result roundRobin = run(4, "workload.requests=1000", "router=route.round-robin");
        assertEquals(1000, affinity.summary().completed());
        assertEquals(1000, roundRobin.summary().completed());
        assertTrue(affinity.summary().loraSwaps() < 0.85 * roundRobin.summary().loraSwaps(),
                "swaps: affinity " + affinity.summary().loraSwaps() + " vs round-robin " + roundRobin.summary().loraSwaps());
    }

    @Test
    void withoutTheLoraBlockAdaptersAreIgnoredAndNoSwapKeyIsWritten() {
        PluginRegistry plugins = PluginRegistry.load();
        PipelineSpec spec = PipelineLoader.load(EXAMPLE, List.of("pools[0].lora=null", "workload.requests=100"));
        assertNull(spec.pools().getFirst().lora());
        MetricsCollector metrics = new MetricsCollector(spec.slo());
        EventLoop loop = new EventLoop();
        Cluster cluster = ClusterBuilder.build(spec, plugins, WorkloadFactory.open(plugins, spec.workload(), spec.seed(), 0,
                spec.baseDir()), loop, new RunObserver[] {metrics});
        cluster.start();
        loop.run();
        RunSummary s = metrics.summary();
        assertEquals(100, s.completed());
        assertNull(s.loraSwaps());
        assertFalse(s.toMap().containsKey("lora_swaps"));
    }

    private static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName().toString().equals("workbench-app") ? here.getParent() : here;
    }
}
