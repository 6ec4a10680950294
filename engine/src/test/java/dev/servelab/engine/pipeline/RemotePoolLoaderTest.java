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

/** {@code pools[].kind: remote}: an endpoint node instead of scheduler, KV cache and executor, with errors naming node and field. */
class RemotePoolLoaderTest {
    @TempDir
    Path dir;

    private PipelineSpec load(String yaml) throws IOException {
        return PipelineLoader.load(Files.writeString(dir.resolve("p.yaml"), yaml), List.of());
    }

    private String error(String yaml) {
        return assertThrows(ServeLabException.class, () -> load(yaml)).getMessage();
    }

    @Test
    void remotePoolHasAnEndpointNodeAndNoEngineParts() throws IOException {
        PipelineSpec p = load("""
                pools:
                  - name: edge
                    kind: remote
                    replicas: 2
                    endpoint: {type: remote.openai, url: "http://127.0.0.1:8088", max_concurrent: 4}
                  - name: cloud
                """);
        PoolSpec edge = p.pools().get(0);
        assertTrue(edge.isRemote());
        assertEquals("remote", edge.kind());
        assertEquals("remote.openai", edge.endpoint().type());
        assertEquals("pools[0].endpoint", edge.endpoint().path());
        assertEquals(4, edge.endpoint().settings().get("max_concurrent").asInt());
        assertNull(edge.scheduler());
        assertNull(edge.executor());
        assertFalse(p.pools().get(1).isRemote());
        assertEquals("engine", p.pools().get(1).kind());
        assertTrue(p.hasRemotePools());
        assertEquals(3, p.replicaCount());
    }

    @Test
    void engineOnlyFieldsInARemotePoolAreNamed() {
        String e = error("pools: [{kind: remote, endpoint: remote.openai, scheduler: batch.continuous}]");
        assertTrue(e.contains("pools[0].scheduler: a remote pool has no scheduler"), e);
        e = error("pools: [{kind: remote, endpoint: remote.openai, kv_cache: {block_size: 16}}]");
        assertTrue(e.contains("pools[0].kv_cache:"), e);
    }

    @Test
    void missingEndpointUnknownKindAndStrayEndpointAreNamed() {
        assertTrue(error("pools: [{kind: remote}]").contains("pools[0].endpoint: a remote pool needs an endpoint node"));
        assertTrue(error("pools: [{kind: edge}]").contains("pools[0].kind: unknown pool kind 'edge' (known: engine, remote)"));
        assertTrue(error("pools: [{endpoint: remote.openai}]").contains("pools[0].endpoint: only a pool with 'kind: remote'"));
        assertTrue(error("pools: [{kind: remote, endpoint: remote.openai, colour: red}]").contains("pools[0].colour: unknown field"));
    }

    @Test
    void simulatedPipelinesHaveNoRemotePools() throws IOException {
        assertFalse(load("pools: [{replicas: 2}]").hasRemotePools());
    }
}
