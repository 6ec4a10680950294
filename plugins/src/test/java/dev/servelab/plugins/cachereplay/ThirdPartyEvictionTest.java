package dev.servelab.plugins.cachereplay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.cli.Main;
import dev.servelab.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third party's eviction plugin ({@link MruEviction}, {@code kv.test-mru}, known only from this
 * module's test {@code META-INF/services}) is replayed by {@code servelab cache-replay} like the built-ins.
 */
class ThirdPartyEvictionTest {
    private static final String SAMPLE = "../sample-traces/mooncake-like.jsonl";

    @Test
    void theCommandReplaysATestSourcePluginWithItsOwnHitRatio() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("cache-replay", "--trace", SAMPLE, "--capacity-blocks", "1000", "--policy", "kv.test-mru",
                "--policy", "kv.lru", "--policy", "kv.lfu", "--policy", "kv.fifo", "--policy", "kv.s3-fifo", "--json");
        assertEquals(0, code, err.toString());
        Map<String, Double> ratio = new HashMap<>();
        for (JsonNode row : new ObjectMapper().readTree(out.toString())) ratio.put(row.get("policy").asText(), row.get("hit_ratio").asDouble());
        assertEquals(5, ratio.size(), out.toString());
        double mru = ratio.get("kv.test-mru");
        assertTrue(mru > 0, "MRU keeps some prefixes: " + ratio);
        for (String builtIn : List.of("kv.lru", "kv.lfu", "kv.fifo", "kv.s3-fifo")) {
            assertNotEquals(ratio.get(builtIn), mru, "kv.test-mru is not replayed as " + builtIn + ": " + ratio);
        }
    }

    @Test
    void mruEvictsTheBlockReleasedLast() {
        // capacity 2: {1},{2},{1} hit; {3} evicts 1 (released last), {1} misses and evicts 3: 1 hit (LRU: 2)
        long[][] chains = {{1}, {2}, {1}, {3}, {1}};
        PluginRegistry registry = PluginRegistry.load();
        assertEquals(1, CacheReplay.run(BlockSequence.of(chains), List.of("kv.test-mru"), List.of(2L), registry).getFirst().hitBlocks());
        assertEquals(2, CacheReplay.run(BlockSequence.of(chains), List.of("kv.lru"), List.of(2L), registry).getFirst().hitBlocks());
    }

    @Test
    void anUnknownPolicyIsAnInputErrorListingTheTestPlugin() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(Main.EXIT_INPUT_ERROR, cl.execute("cache-replay", "--trace", SAMPLE, "--policy", "kv.nope"));
        assertTrue(err.toString().contains("--policy: unknown EvictionPolicy id 'kv.nope'") && err.toString().contains("kv.test-mru"),
                err.toString());
    }
}
