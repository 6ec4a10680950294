package dev.servelab.app.sim;

import dev.servelab.engine.metrics.RunSummary;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.store.StoreReader;
import dev.servelab.engine.store.TokenTable;
import dev.servelab.engine.workload.WorkloadFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped example {@code sample-traces/pipelines/speculative-decoding.yaml} through the real engine
 * into a real SQLite store: the per-token times show one burst per verify step, whose mean size follows
 * the acceptance setting (E = (1 - α^(k+1)) / (1 - α)); the KV cache never holds more than its capacity
 * under pressure; the same seed gives the same token times.
 */
class SpeculativeDecodingPipelineTest {
    private static final Path EXAMPLE = repoRoot().resolve("sample-traces/pipelines/speculative-decoding.yaml");

    @TempDir
    Path dir;

    private record Result(RunSummary summary, TokenTable tokens, List<IterationTable> iterations) {
    }

    private Result run(String name, String... overrides) {
        PluginRegistry plugins = PluginRegistry.load();
        PipelineSpec spec = PipelineLoader.load(EXAMPLE, List.of(overrides));
        Path db = dir.resolve(name + ".db");
        long runId;
        RunSummary summary;
        try (RunStore store = RunStore.open(db)) {
            RunOutcome out = new PipelineRun(spec, plugins, WorkloadFactory.open(plugins, spec.workload(), spec.seed(), 0,
                    spec.baseDir()), "test", 0, store).run("sim", null);
            assertEquals(null, out.error());
            runId = out.runId();
            summary = out.metrics();
        }
        try (StoreReader r = StoreReader.open(db)) {
            return new Result(summary, r.tokens(runId), r.iterations(runId));
        }
    }

    /** Sizes of the bursts after each request's first token (one burst = one verify step's tokens). */
    private static List<Integer> bursts(TokenTable t, boolean dropLast) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < t.rows(); r++) {
            List<Integer> mine = new ArrayList<>();
            for (int i = t.start()[r] + 1; i < t.start()[r + 1]; i++) {
                if (i > t.start()[r] + 1 && t.times()[i] == t.times()[i - 1]) mine.set(mine.size() - 1, mine.getLast() + 1);
                else mine.add(1);
            }
            if (dropLast && !mine.isEmpty()) mine.removeLast();
            out.addAll(mine);
        }
        return out;
    }

    private static double mean(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    @Test
    void tokensPerVerifyStepFollowTheAcceptanceSetting() {
        // k = 3, α = 0.7: E = (1 - 0.7^4) / 0.3 = 2.533; last step of each request left out (capped at the tokens left)
        Result eagle = run("eagle", "workload.requests=60");
        assertEquals(60, eagle.summary().completed());
        List<Integer> b = bursts(eagle.tokens(), true);
        assertTrue(b.size() > 5000, b.size() + " verify steps");
        assertEquals(2.533, mean(b), 0.05);
        assertTrue(b.stream().allMatch(n -> n >= 1 && n <= 4));
        // per position 0.8, 0.4, 0.1: E = 1 + 0.8 + 0.32 + 0.032 = 2.152
        Result perPosition = run("pp", "workload.requests=60", "pools[0].speculative.acceptance={per_position: [0.8, 0.4, 0.1]}");
        assertEquals(2.152, mean(bursts(perPosition.tokens(), true)), 0.05);
        // α = 1: every step but a request's last emits exactly k + 1 = 4
        Result all = run("all", "workload.requests=20", "pools[0].speculative.acceptance={rate: 1.0}");
        assertTrue(bursts(all.tokens(), true).stream().allMatch(n -> n == 4));
        // ITL is one gap per chunk: its mean is about E times TPOT's
        assertEquals(2.533, eagle.summary().itl().mean() / eagle.summary().tpot().mean(), 0.15);
        Result plain = run("plain", "workload.requests=60", "pools[0].speculative=null");
        assertTrue(bursts(plain.tokens(), false).stream().allMatch(n -> n == 1), "without speculative, one token per step");
        assertTrue(eagle.summary().tpot().mean() < 0.6 * plain.summary().tpot().mean(),
                "TPOT " + eagle.summary().tpot().mean() + " ms with EAGLE vs " + plain.summary().tpot().mean() + " ms plain");
    }

    @Test
    void theKvCacheNeverOverflowsUnderPressureAndEveryTokenArrives() {
        Result r = run("pressure", "workload.requests=80", "workload.rate_per_s=40", "pools[0].kv_cache.capacity_blocks=1200",
                "pools[0].speculative.num_speculative_tokens=5", "pools[0].speculative.acceptance={rate: 0.8}");
        assertEquals(80, r.summary().completed());
        assertTrue(r.summary().preemptions() > 0, "the cache was under pressure");
        int peak = r.iterations().stream().flatMapToInt(t -> Arrays.stream(t.kvUsedBlocks())).max().orElseThrow();
        assertTrue(peak <= 1200, "peak " + peak + " blocks");
        assertEquals(r.summary().totalOutputTokens(), r.tokens().totalTokens());
    }

    @Test
    void theSameSeedGivesTheSameTokenTimes() {
        Result a = run("a", "workload.requests=30");
        Result b = run("b", "workload.requests=30");
        Result c = run("c", "workload.requests=30", "seed=7");
        assertArrayEquals(a.tokens().times(), b.tokens().times());
        assertEquals(a.summary(), b.summary());
        assertFalse(Arrays.equals(a.tokens().times(), c.tokens().times()));
    }

    private static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName().toString().equals("workbench-app") ? here.getParent() : here;
    }
}
