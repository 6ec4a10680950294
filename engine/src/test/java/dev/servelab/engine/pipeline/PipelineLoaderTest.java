package dev.servelab.engine.pipeline;

import dev.servelab.engine.ServeLabException;
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

class PipelineLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void emptyFileGetsDefaultsForEverything() throws IOException {
        PipelineSpec p = PipelineLoader.load(write("empty.yaml", ""), List.of());
        assertEquals("empty", p.name());
        assertEquals(42, p.seed());
        assertEquals("workload.poisson", p.workload().type());
        assertEquals("route.round-robin", p.router().type());
        assertEquals(1, p.pools().size());
        PoolSpec pool = p.pools().getFirst();
        assertEquals(256, pool.maxNumSeqs());
        assertEquals(8192, pool.maxNumBatchedTokens());
        assertEquals("batch.continuous", pool.scheduler().type());
        assertEquals(16, pool.kvCache().blockSizeTokens());
        assertTrue(pool.kvCache().prefixCaching());
        assertEquals("kv.lru", pool.kvCache().eviction().type());
        assertFalse(p.slo().isSet());
        assertEquals(MetricsSpec.DEFAULT, p.metrics());
    }

    @Test
    void readsPluginNodesAsIdOrMappingWithSettings() throws IOException {
        PipelineSpec p = PipelineLoader.load(write("p.yaml", """
                router: route.least-outstanding
                workload: {type: workload.poisson, rate_per_s: 3, requests: 10}
                pools:
                  - {name: a, replicas: 2, kv_cache: {capacity_blocks: 500, eviction: {type: kv.lru}}}
                  - {name: b, replicas: 3}
                slo: {ttft_ms: 200}
                """), List.of());
        assertEquals("route.least-outstanding", p.router().type());
        assertEquals(3, p.workload().settings().get("rate_per_s").asInt());
        assertFalse(p.workload().settings().has("type"));
        assertEquals(5, p.replicaCount());
        assertEquals(500, p.pools().getFirst().kvCache().capacityBlocks());
        assertEquals(200.0, p.slo().ttftMs());
        assertNull(p.slo().tpotMs());
    }

    @Test
    void overridesByDottedPathBeforeValidation() throws IOException {
        Path f = write("p.json", "{\"pools\": [{\"replicas\": 2}], \"router\": \"route.round-robin\"}");
        PipelineSpec p = PipelineLoader.load(f, List.of("pools.0.replicas=8", "router=route.least-outstanding",
                "pools[0].kv_cache.block_size=32", "workload.rate_per_s=2.5", "seed=7"));
        assertEquals(8, p.pools().getFirst().replicas());
        assertEquals(32, p.pools().getFirst().kvCache().blockSizeTokens());
        assertEquals("route.least-outstanding", p.router().type());
        assertEquals(2.5, p.workload().settings().get("rate_per_s").asDouble());
        assertEquals(7, p.seed());
        assertEquals(8, p.resolved().get("pools").get(0).get("replicas").asInt(), "the stored pipeline has the override");
    }

    @Test
    void overridingASettingOfABareIdNodeKeepsItsId() throws IOException {
        Path f = write("p.yaml", "pools: [{executor: exec.roofline}]\n");
        PipelineSpec p = PipelineLoader.load(f, List.of("pools.0.executor.overhead_ms=2"));
        assertEquals("exec.roofline", p.pools().getFirst().executor().type());
        assertEquals(2, p.pools().getFirst().executor().settings().get("overhead_ms").asInt());
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        Path f = write("bad.yaml", "name: x\npools:\n  - replicas: [1, 2\n");
        ServeLabException e = assertThrows(ServeLabException.class, () -> PipelineLoader.load(f, List.of()));
        assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*bad\\.yaml:\\d+:\\d+: malformed pipeline.*"), e.getMessage());
    }

    @Test
    void negativeCapacityNamesTheNodeAndField() throws IOException {
        Path f = write("neg.yaml", "pools:\n  - kv_cache: {capacity_blocks: -5}\n");
        ServeLabException e = assertThrows(ServeLabException.class, () -> PipelineLoader.load(f, List.of()));
        assertEquals(f + ": pools[0].kv_cache.capacity_blocks: -5 is out of range [0, 2147483647]", e.getMessage());
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() throws IOException {
        ServeLabException e1 = assertThrows(ServeLabException.class,
                () -> PipelineLoader.load(write("u.yaml", "pools:\n  - replicaz: 3\n"), List.of()));
        assertTrue(e1.getMessage().contains("pools[0].replicaz: unknown field"), e1.getMessage());
        ServeLabException e2 = assertThrows(ServeLabException.class,
                () -> PipelineLoader.load(write("t.yaml", "pools:\n  - replicas: three\n"), List.of()));
        assertTrue(e2.getMessage().contains("pools[0].replicas: expected an integer"), e2.getMessage());
    }

    @Test
    void overrideOfAMissingListIndexIsAClearError() throws IOException {
        Path f = write("p.yaml", "pools: [{replicas: 1}]\n");
        ServeLabException e = assertThrows(ServeLabException.class, () -> PipelineLoader.load(f, List.of("pools.3.replicas=2")));
        assertEquals("--set: pools.3: index out of range (list has 1)", e.getMessage());
    }
}
