package dev.servelab.hw.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.cli.Main;
import dev.servelab.engine.store.StoreReader;
import dev.servelab.engine.store.TokenTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A whole live run with speculative decoding on the JVM backend (tiny target, its first layer as the
 * draft, k = 3), stored in a real SQLite file: every request completes, its tokens arrive in bursts of
 * 1..k+1 stamped at the same instant, and the bursts add up exactly to the accepted tokens the executor
 * measured and wrote to its acceptance file (which a simulated pool can read back).
 */
class LiveSpeculativeRunTest {
    private static final int K = 3;
    @TempDir
    Path dir;

    @Test
    void tokensArriveInBurstsThatMatchTheMeasuredAcceptance() throws Exception {
        execute("model", "tiny", "--out", dir.resolve("tiny.gguf").toString(), "--seed", "1");
        execute("model", "draft", "--from", dir.resolve("tiny.gguf").toString(), "--layers", "1",
                "--out", dir.resolve("draft.gguf").toString());
        Path pipeline = Files.writeString(dir.resolve("spec.yaml"), """
                seed: 5
                workload:
                  type: workload.poisson
                  rate_per_s: 40
                  requests: 10
                  input: {dist: uniform, min: 8, max: 40}
                  output: {dist: uniform, min: 8, max: 40}
                pools:
                  - max_num_seqs: 8
                    executor: {type: exec.jvm, model_file: tiny.gguf, kv_budget_mib: 8, warmup_rounds: 1, warmup_ms: 0,
                               acceptance_out: measured.json}
                    speculative: {method: draft-model, draft_model: draft.gguf, num_speculative_tokens: %d,
                                  acceptance: {rate: 0.5}}
                """.formatted(K));
        Path db = dir.resolve("runs.db");
        JsonNode run = new ObjectMapper().readTree(execute("run", pipeline.toString(), "--live", "--speed", "4",
                "--db", db.toString(), "--json"));
        assertEquals(10, run.get("completed").asLong());
        JsonNode measured = new ObjectMapper().readTree(dir.resolve("measured.json").toFile());
        long steps = measured.get("verify_steps").asLong();
        long accepted = measured.get("accepted_tokens").asLong();
        assertTrue(steps > 0, measured.toString());
        assertEquals(K, measured.get("per_position").size());

        long extraInBursts = 0;
        int maxBurst = 0;
        long multiTokenBursts = 0;
        try (StoreReader reader = StoreReader.open(db)) {
            TokenTable t = reader.tokens(run.get("run_id").asLong());
            assertEquals(10, t.rows());
            for (int r = 0; r < t.rows(); r++) {
                int from = t.start()[r] + 1;   // the first token comes from the prefill
                int to = t.start()[r + 1];
                for (int i = from; i < to; ) {
                    int j = i;
                    while (j < to && t.times()[j] == t.times()[i]) j++;
                    int burst = j - i;
                    maxBurst = Math.max(maxBurst, burst);
                    if (burst > 1) multiTokenBursts++;
                    extraInBursts += burst - 1;
                    i = j;
                }
            }
        }
        assertTrue(maxBurst >= 1 && maxBurst <= K + 1, "burst of " + maxBurst);
        assertEquals(accepted, extraInBursts, "each verify step's accepted tokens arrive with its own token");
        assertTrue(accepted == 0 || multiTokenBursts > 0);

        // the measured file feeds a simulated pool's acceptance
        Path sim = Files.writeString(dir.resolve("sim.yaml"), """
                seed: 5
                workload: {type: workload.poisson, rate_per_s: 40, requests: 10, input: {dist: uniform, min: 8, max: 40},
                           output: {dist: uniform, min: 8, max: 40}}
                pools:
                  - executor: exec.roofline
                    model: llama-3.1-8b
                    speculative: {method: eagle, num_speculative_tokens: %d, acceptance: {file: measured.json}}
                """.formatted(K));
        JsonNode simRun = new ObjectMapper().readTree(execute("run", sim.toString(), "--db", db.toString(), "--json"));
        assertEquals(10, simRun.get("completed").asLong());
    }

    /**
     * The same live pipeline with speculative decoding on and off emits exactly the same token ids for
     * every request (greedy verification), read through a {@link dev.servelab.engine.spi.TokenChannel}.
     */
    @Test
    void liveTokensAreThoseOfPlainGreedyDecoding() throws Exception {
        execute("model", "tiny", "--out", dir.resolve("t.gguf").toString(), "--seed", "2", "--refine-from", "1",
                "--refine-scale", "0.2");
        execute("model", "draft", "--from", dir.resolve("t.gguf").toString(), "--out", dir.resolve("d.gguf").toString());
        Path pipeline = Files.writeString(dir.resolve("eq.yaml"), """
                seed: 9
                workload:
                  type: workload.poisson
                  rate_per_s: 60
                  requests: 8
                  input: {dist: uniform, min: 8, max: 30}
                  output: {dist: uniform, min: 5, max: 30}
                pools:
                  - max_num_seqs: 4
                    executor: {type: exec.jvm, model_file: t.gguf, kv_budget_mib: 8, warmup_rounds: 1, warmup_ms: 0}
                    speculative: {method: draft-model, draft_model: d.gguf, num_speculative_tokens: 4, acceptance: {rate: 0.5}}
                """);
        java.util.Map<Long, java.util.List<Integer>> on = liveTokens(pipeline, java.util.List.of());
        java.util.Map<Long, java.util.List<Integer>> off = liveTokens(pipeline, java.util.List.of("pools.0.speculative=null"));
        assertEquals(8, on.size());
        assertEquals(off, on);
    }

    private java.util.Map<Long, java.util.List<Integer>> liveTokens(Path pipeline, java.util.List<String> overrides)
            throws Exception {
        var spec = dev.servelab.engine.pipeline.PipelineLoader.load(pipeline, overrides);
        var registry = dev.servelab.engine.plugin.PluginRegistry.load();
        var source = dev.servelab.engine.workload.WorkloadFactory.open(registry, spec.workload(), spec.seed(), 0, spec.baseDir());
        java.util.Map<Long, java.util.List<Integer>> tokens = new java.util.TreeMap<>();
        class Recording implements dev.servelab.engine.spi.RequestStream, dev.servelab.engine.spi.TokenChannel {
            @Override
            public dev.servelab.engine.model.Request next() throws java.io.IOException {
                return source.next();
            }

            @Override
            public int[] promptTokens(dev.servelab.engine.model.Request request) {
                return null;
            }

            @Override
            public boolean onToken(long requestId, int index, int tokenId) {
                java.util.List<Integer> t = tokens.computeIfAbsent(requestId, id -> new java.util.ArrayList<>());
                assertEquals(t.size(), index, "request " + requestId + ": tokens in order");
                t.add(tokenId);
                return false;
            }
        }
        try (var store = dev.servelab.engine.store.RunStore.open(dir.resolve("eq-" + overrides.size() + ".db"))) {
            var out = dev.servelab.engine.run.PipelineRun.live(spec, registry, new Recording(), "eq", 0, store, 4.0).run("live", null);
            assertEquals(8, out.summary().get("completed") instanceof Number n ? n.intValue() : -1);
        }
        return tokens;
    }

    private static String execute(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        assertEquals(0, rc, err.toString() + out);
        return out.toString();
    }
}
