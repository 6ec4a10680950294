package dev.servelab.app.cli;

import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gives one clear line naming file and line or node and field, a non-zero exit, and no completed run. */
class BadInputTest {
    @TempDir
    Path dir;

    private CliRunner.Result run(Path pipeline, String... extra) {
        String[] base = {"run", pipeline.toString(), "--db", dir.resolve("runs.db").toString(), "--json"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
        return CliRunner.run(args);
    }

    private List<RunInfo> runs() {
        try (RunStore s = RunStore.open(dir.resolve("runs.db"))) {
            return s.listRuns();
        }
    }

    private void assertOneErrorLine(CliRunner.Result r, String expected) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.getFirst().startsWith("error: "), lines.getFirst());
        assertTrue(lines.getFirst().contains(expected), "expected '" + expected + "' in: " + lines.getFirst());
    }

    @Test
    void malformedYaml() throws IOException {
        Path p = Files.writeString(dir.resolve("broken.yaml"), "name: x\nrouter: {type: route.round-robin\n");
        assertOneErrorLine(run(p), "broken.yaml:2:");
        assertTrue(runs().isEmpty());
    }

    @Test
    void unknownPolicyId() throws IOException {
        Path p = Files.writeString(dir.resolve("p.yaml"), "router: route.does-not-exist\n");
        assertOneErrorLine(run(p), "router.type: unknown Router id 'route.does-not-exist' (known: ");
        assertTrue(runs().isEmpty(), "an invalid pipeline leaves no run behind");
    }

    @Test
    void negativeCapacity() throws IOException {
        Path p = Files.writeString(dir.resolve("p.yaml"), "pools:\n  - kv_cache:\n      capacity_blocks: -1\n");
        assertOneErrorLine(run(p), "pools[0].kv_cache.capacity_blocks: -1 is out of range");
    }

    @Test
    void badPolicySetting() throws IOException {
        Path p = Files.writeString(dir.resolve("p.yaml"), "workload: {type: workload.poisson, rate_per_s: -3}\n");
        assertOneErrorLine(run(p), "workload.rate_per_s: -3 is out of range");
    }

    @Test
    void unknownModelIsNamedWithItsPool() throws IOException {
        Path p = Files.writeString(dir.resolve("p.yaml"), "pools:\n  - {replicas: 1}\n  - {model: gpt-17}\n");
        assertOneErrorLine(run(p), "pools[1].model: unknown model 'gpt-17'; known: ");
    }

    @Test
    void malformedTraceLineFailsTheRunAndMarksIt() throws IOException {
        Path trace = Files.writeString(dir.resolve("t.csv"), """
                TIMESTAMP,ContextTokens,GeneratedTokens
                2023-11-16 18:00:00.0000000,10,3
                2023-11-16 18:00:01.0000000,12,4
                2023-11-16 18:00:02.0000000,twelve,4
                """);
        Path p = Files.writeString(dir.resolve("p.yaml"), "pools: [{replicas: 1}]\n");
        CliRunner.Result r = run(p, "--trace", trace.toString());
        assertOneErrorLine(r, trace + ":4: ContextTokens 'twelve' is not an integer");
        List<RunInfo> runs = runs();
        assertEquals(1, runs.size());
        assertEquals(RunStatus.FAILED, runs.getFirst().status(), "never marked completed");
        assertTrue(runs.getFirst().error().contains("t.csv:4"));
    }

    @Test
    void unknownTraceFormatIsNamed() throws IOException {
        Path trace = Files.writeString(dir.resolve("t.txt"), "hello world\n");
        Path p = Files.writeString(dir.resolve("p.yaml"), "{}\n");
        assertOneErrorLine(run(p, "--trace", trace.toString()), "cannot tell the trace format");
    }

    @Test
    void missingPipelineFile() {
        assertOneErrorLine(run(dir.resolve("nope.yaml")), "nope.yaml: no such pipeline file");
    }
}
