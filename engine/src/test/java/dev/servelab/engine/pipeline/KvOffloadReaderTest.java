package dev.servelab.engine.pipeline;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.KvOffload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tiered-offload keys of {@code kv_cache}: values, defaults, off when absent, and one line naming the field when wrong. */
class KvOffloadReaderTest {
    @TempDir
    Path dir;

    private KvCacheSpec kv(String kvCache) throws IOException {
        Path p = Files.writeString(dir.resolve("p.yaml"), "pools:\n  - name: gpu\n    kv_cache: " + kvCache + "\n");
        return PipelineLoader.load(p, List.of()).pools().getFirst().kvCache();
    }

    private String error(String kvCache) {
        ServeLabException e = assertThrows(ServeLabException.class, () -> kv(kvCache));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void withoutTiersThereIsNoOffloadAndTheSimpleCpuTierStillReads() throws IOException {
        assertNull(kv("{block_size: 16}").offload());
        KvCacheSpec simple = kv("{cpu_tier_blocks: 3000, overlap: false}");
        assertNull(simple.offload());
        assertEquals(3000, simple.cpuTierBlocks());
    }

    @Test
    void tiersReadWithTheirDefaults() throws IOException {
        KvOffload o = kv("{cpu_tier: {capacity_gib: 64}, disk_tier: {capacity_blocks: 1000}, offload: write_through, overlap: true}")
                .offload();
        assertEquals(new KvOffload.Tier(0, 64, 25, 0), o.cpu());
        assertEquals(new KvOffload.Tier(1000, 0, 5, 1), o.disk());
        assertEquals(KvOffload.Policy.WRITE_THROUGH, o.policy());
        assertTrue(o.overlap());
        KvOffload d = kv("{disk_tier: {capacity_gib: 10, bandwidth_gb_s: 2, latency_ms: 4}}").offload();
        assertNull(d.cpu());
        assertEquals(KvOffload.Policy.ON_EVICT, d.policy());
        assertFalse(d.overlap());
    }

    @Test
    void badSettingsNameTheirField() {
        assertTrue(error("{cpu_tier: {bandwidth_gb_s: 10}}").contains("pools[0].kv_cache.cpu_tier: give exactly one of capacity_gib"));
        assertTrue(error("{cpu_tier: {capacity_gib: 1}, offload: later}").contains("pools[0].kv_cache.offload: unknown policy 'later'"));
        assertTrue(error("{offload: on_evict}").contains("pools[0].kv_cache.offload: needs a cpu_tier or a disk_tier"));
        assertTrue(error("{cpu_tier_blocks: 10, cpu_tier: {capacity_gib: 1}}").contains("pools[0].kv_cache.cpu_tier_blocks: set either"));
        assertTrue(error("{disk_tier: {capacity_gib: 1, speed: 3}}").contains("pools[0].kv_cache.disk_tier"));
    }
}
