package dev.servelab.hw.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.cli.Main;
import dev.servelab.engine.store.RunStore;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A kernel backend that cannot open is never a silent fallback: {@code exec.jvm} asked for
 * {@code tornadovm} in a JVM without TornadoVM runs on the JVM, prints one warning line on stderr,
 * and stores the requested backend, the one used and why in the run ({@code runs show}).
 */
class BackendFallbackTest {
    @TempDir
    Path dir;

    @Test
    void aBackendThatCannotOpenIsAWarningAndAFieldOfTheRun() throws Exception {
        TinyModelGenerator.generate(dir.resolve("tiny.gguf"), 3, TinyModelSize.TINY, GgmlType.F32);
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                name: fallback
                seed: 3
                workload: {type: workload.poisson, rate_per_s: 50, requests: 3, input: {dist: fixed, mean: 8}, output: {dist: fixed, mean: 2}}
                pools:
                  - name: jvm
                    replicas: 1
                    kv_cache: {block_size: 16}
                    executor: {type: exec.jvm, model_file: tiny.gguf, kv_budget_mib: 4, warmup_rounds: 0, warmup_ms: 0, backend: tornadovm}
                """);
        Path db = dir.resolve("runs.db");
        String[] run = execute("run", pipeline.toString(), "--live", "--db", db.toString(), "--json");
        String warning = run[1].lines().filter(l -> l.startsWith("warning:")).findFirst().orElse("");
        assertTrue(warning.startsWith("warning: backend tornadovm requested, running on jvm: no 'tornadovm' kernel backend"),
                run[1]);
        long runId = new ObjectMapper().readTree(run[0]).get("run_id").asLong();

        JsonNode backends = new ObjectMapper().readTree(execute("runs", "--db", db.toString(), "show", String.valueOf(runId))[0])
                .get("versions").get("backends");
        assertEquals(1, backends.size(), backends.toString());
        assertEquals("tornadovm", backends.get(0).get("requested").asText());
        assertEquals("jvm", backends.get(0).get("used").asText());
        assertTrue(backends.get(0).get("reason").asText().contains("no 'tornadovm' kernel backend on the class path"), backends.toString());
        try (RunStore store = RunStore.open(db)) {
            assertEquals("completed", store.run(runId).orElseThrow().status().dbValue());
        }
    }

    @Test
    void theJvmAskedForIsRecordedWithoutAWarning() throws Exception {
        TinyModelGenerator.generate(dir.resolve("tiny.gguf"), 3, TinyModelSize.TINY, GgmlType.F32);
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                name: on-jvm
                workload: {type: workload.poisson, rate_per_s: 50, requests: 2, input: {dist: fixed, mean: 8}, output: {dist: fixed, mean: 2}}
                pools:
                  - {name: jvm, replicas: 1, kv_cache: {block_size: 16}, executor: {type: exec.jvm, model_file: tiny.gguf, kv_budget_mib: 4, warmup_rounds: 0, warmup_ms: 0}}
                """);
        Path db = dir.resolve("runs.db");
        String[] run = execute("run", pipeline.toString(), "--live", "--db", db.toString(), "--json");
        assertTrue(run[1].lines().noneMatch(l -> l.startsWith("warning:")), run[1]);
        long runId = new ObjectMapper().readTree(run[0]).get("run_id").asLong();
        JsonNode b = new ObjectMapper().readTree(execute("runs", "--db", db.toString(), "show", String.valueOf(runId))[0])
                .get("versions").get("backends").get(0);
        assertEquals("jvm", b.get("requested").asText());
        assertEquals("jvm", b.get("used").asText());
        assertEquals("", b.get("reason").asText());
    }

    /** Runs the servelab CLI in process; returns stdout and stderr. */
    private static String[] execute(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        assertEquals(0, rc, err.toString());
        return new String[] {out.toString(), err.toString()};
    }
}
