package dev.servelab.plugins.kv;

import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.StoreReader;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped example {@code sample-traces/pipelines/kv-offload-tiers.yaml} (Mooncake-like trace, 4 replicas,
 * GPU + CPU + disk tiers per replica) through the real engine and run store, on its first 800 requests
 * with a GPU cache cut to 3,000 blocks so that prefixes leave the GPU within the run, and the test kit's linear
 * executor (5 ms + 0.02 ms a token; Llama-3-8B's 128 KiB of KV a token, given since that executor knows no model)
 * in place of the roofline (whose plugin this module's tests cannot see): hits come from the disk only
 * when the GPU and the CPU tier could not hold the prefix, every tier adds hits the ones above missed, the tier
 * counts of the summary equal the stored per-request ones, and the run is the same twice.
 */
class KvOffloadPipelineTest {
    static final Path EXAMPLE = Path.of("../sample-traces/pipelines/kv-offload-tiers.yaml");

    @TempDir
    Path dir;

    static PipelineScenario example(String... sets) {
        PipelineScenario s = PipelineScenario.file(EXAMPLE).workload(800).set("pools.0.kv_cache.capacity_blocks=3000")
                .set("pools.0.executor=exec.test-linear").set("pools.0.executor.base_ms=5").set("pools.0.executor.per_token_ms=0.02")
                .set("pools.0.kv_cache.kv_bytes_per_token=131072");
        for (String o : sets) s.set(o);
        return s;
    }

    @Test
    void theDiskServesOnlyWhatTheGpuAndCpuTierCouldNotHold() {
        PipelineResult roomy = example("pools.0.kv_cache.cpu_tier.capacity_gib=1024").run();
        assertTrue(roomy.count("prefix_hit_tokens_cpu") > 0, "evicted prefixes come back from the CPU tier");
        assertEquals(0, roomy.count("prefix_hit_tokens_disk"), "1 TiB of CPU tier holds everything the GPU lost: nothing from disk");
        PipelineResult small = example("pools.0.kv_cache.cpu_tier.capacity_gib=2").run();
        assertTrue(small.count("prefix_hit_tokens_disk") > 0, "a 2 GiB CPU tier passes prefixes down to disk, which serves them");
        PipelineResult smallNoDisk = example("pools.0.kv_cache.cpu_tier.capacity_gib=2", "pools.0.kv_cache.disk_tier=null").run();
        assertEquals(0, smallNoDisk.count("prefix_hit_tokens_disk"));
        assertTrue(small.value("prefix_cache_hit_ratio") > smallNoDisk.value("prefix_cache_hit_ratio") + 0.05,
                "the disk adds the hits the small CPU tier lost: " + smallNoDisk.value("prefix_cache_hit_ratio") + " -> "
                        + small.value("prefix_cache_hit_ratio"));
        PipelineResult gpuOnly = example("pools.0.kv_cache.cpu_tier=null", "pools.0.kv_cache.disk_tier=null",
                "pools.0.kv_cache.offload=null", "pools.0.kv_cache.overlap=null", "pools.0.kv_cache.kv_bytes_per_token=null").run();
        assertFalse(gpuOnly.summary().containsKey("prefix_hit_tokens_gpu"), "without tiers the summary is today's");
        double none = gpuOnly.value("prefix_cache_hit_ratio");
        assertTrue(roomy.value("prefix_cache_hit_ratio") > none + 0.05,
                "tiers raise the hit ratio: " + none + " -> " + roomy.value("prefix_cache_hit_ratio"));
        assertTrue(roomy.value("mean_ttft_ms") < gpuOnly.value("mean_ttft_ms"), "and cut TTFT");
    }

    @Test
    void theSummaryCountsByTierAreTheStoredRequestsAndRepeat() {
        PipelineResult r = example("pools.0.kv_cache.cpu_tier.capacity_gib=2").storeIn(dir).run();
        RequestTable t;
        try (StoreReader reader = StoreReader.open(dir.resolve("runs.db"))) {
            t = reader.requests(r.runId());
        }
        long hits = Arrays.stream(t.cached()).asLongStream().sum();
        long cpu = Arrays.stream(t.cachedCpu()).asLongStream().sum();
        long disk = Arrays.stream(t.cachedDisk()).asLongStream().sum();
        assertEquals(r.count("prefix_hit_tokens_cpu"), cpu);
        assertEquals(r.count("prefix_hit_tokens_disk"), disk);
        assertEquals(r.count("prefix_hit_tokens_gpu"), hits - cpu - disk);
        PipelineResult again = example("pools.0.kv_cache.cpu_tier.capacity_gib=2").run();
        for (String k : new String[]{"prefix_hit_tokens_gpu", "prefix_hit_tokens_cpu", "prefix_hit_tokens_disk", "mean_ttft_ms"}) {
            assertEquals(r.summary().get(k), again.summary().get(k), k + " per seed");
        }
    }
}
