package dev.servelab.engine.pipeline;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.FailureKind;
import dev.servelab.engine.pipeline.FaultSpec.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code retry:}, {@code health:} and {@code faults:} sections: values, defaults, and one line naming the field when wrong. */
class ResilienceReaderTest {
    private static final String POOLS = """
            pools:
              - {name: gpu, replicas: 3}
              - name: edge
                kind: remote
                endpoint: {type: remote.openai, url: "http://127.0.0.1:9"}
            """;

    @TempDir
    Path dir;

    private PipelineSpec load(String text) throws IOException {
        return PipelineLoader.load(Files.writeString(dir.resolve("p.yaml"), POOLS + text), List.of());
    }

    private String error(String text) {
        ServeLabException e = assertThrows(ServeLabException.class, () -> load(text));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void withoutTheSectionsNothingIsConfiguredAndHealthHasItsDefaults() throws IOException {
        ResilienceSpec r = load("").resilience();
        assertFalse(r.configured());
        assertEquals(HealthSpec.DEFAULT, r.health());
        assertEquals(1, r.retry().maxAttempts());
    }

    @Test
    void sectionsAreReadWithPoolRelativeReplicas() throws IOException {
        ResilienceSpec r = load("""
                retry: {max_attempts: 4, on: [connect, crash]}
                health: {unhealthy_after_failures: 2, probe_backoff_ms: 250, probe_backoff_max_ms: 1000}
                faults:
                  - {kind: crash, pool: gpu, replica: 2, at_s: 1.5, restart_s: 3}
                  - {kind: partition, pool: edge, at_s: 2, duration_s: 0.5}
                  - {kind: delay, replica: 3, at_s: 0, duration_s: 1, delay_ms: 40}
                  - {kind: load-spike, at_s: 10, duration_s: 5, factor: 3}
                """).resilience();
        assertTrue(r.configured());
        assertEquals(new RetrySpec(4, Set.of(FailureKind.CONNECT, FailureKind.CRASH)), r.retry());
        assertTrue(r.retry().retries(FailureKind.CRASH, 3));
        assertFalse(r.retry().retries(FailureKind.CRASH, 4));
        assertFalse(r.retry().retries(FailureKind.STREAM, 1));
        assertEquals(new HealthSpec(2, 250, 1000), r.health());
        assertEquals(new FaultSpec("faults[0]", FaultKind.CRASH, 2, 1_500_000_000L, 3_000_000_000L, 1, 0), r.faults().get(0));
        assertEquals(3, r.faults().get(1).replica(), "edge is replica 3, after gpu's three");
        assertEquals(40_000_000L, r.faults().get(2).delayNanos());
        assertEquals(-1, r.faults().get(3).replica());
        assertEquals(3.0, r.faults().get(3).factor());
    }

    @Test
    void theProbeBackOffDoublesUpToItsCap() {
        HealthSpec h = new HealthSpec(1, 250, 1000);
        assertEquals(List.of(250L, 500L, 1000L, 1000L), List.of(h.backoffNanos(1) / 1_000_000, h.backoffNanos(2) / 1_000_000,
                h.backoffNanos(3) / 1_000_000, h.backoffNanos(4) / 1_000_000));
    }

    @Test
    void badSectionsAreOneLineNamingTheField() {
        assertTrue(error("retry: {on: [timeout]}").contains("retry.on[0]: unknown failure kind"));
        assertTrue(error("faults: [{kind: meteor, at_s: 1}]").contains("faults[0].kind: unknown fault 'meteor'"));
        assertTrue(error("faults: [{kind: crash, pool: gpu, at_s: 1}]").contains("faults[0].restart_s: missing"));
        assertTrue(error("faults: [{kind: crash, pool: tpu, restart_s: 1}]").contains("faults[0].pool: no pool named 'tpu'"));
        assertTrue(error("faults: [{kind: crash, pool: gpu, replica: 3, restart_s: 1}]").contains("faults[0].replica: 3 is out of range [0, 2]"));
        assertTrue(error("faults: [{kind: partition, pool: gpu, duration_s: 1}]").contains("acts on a remote pool"));
        assertTrue(error("faults: [{kind: slowdown, pool: edge, duration_s: 1, factor: 2}]").contains("acts on an engine pool"));
        assertTrue(error("faults: [{kind: slowdown, pool: gpu, duration_s: 1}]").contains("faults[0].factor: missing"));
        assertTrue(error("faults: [{kind: crash, pool: gpu, restart_s: 1, colour: red}]").contains("faults[0].colour: unknown field"));
        assertTrue(error("health: {probe_backoff_ms: 0}").contains("health.probe_backoff_ms: 0 is out of range"));
    }
}
