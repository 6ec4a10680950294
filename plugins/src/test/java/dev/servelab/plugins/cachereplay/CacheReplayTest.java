package dev.servelab.plugins.cachereplay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.cli.Main;
import dev.servelab.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay rules on hand-built chains through the engine's KV cache and the registered {@code kv.*}
 * plugins, with the hits worked out by hand, and the command end to end.
 */
class CacheReplayTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @TempDir
    Path dir;

    static ReplayResult replay(long capacity, String policy, long[]... chains) {
        return CacheReplay.run(BlockSequence.of(chains), List.of(policy), List.of(capacity), REGISTRY).getFirst();
    }

    static long hits(long capacity, String policy, long[]... chains) {
        return replay(capacity, policy, chains).hitBlocks();
    }

    @Test
    void hitsAreTheLongestCachedPrefix() {
        // [1,2,3] then [1,2,4]: 2 hits; then [1,2,4,5]: 3 hits; then [9,2]: block 9 misses, so 0 hits
        ReplayResult r = replay(0, "kv.lru", new long[]{1, 2, 3}, new long[]{1, 2, 4}, new long[]{1, 2, 4, 5}, new long[]{9, 2});
        assertEquals(5, r.hitBlocks());
        assertEquals(12, r.totalBlocks());
    }

    @Test
    void lruEvictsTheBlockReleasedLongestAgo() {
        // capacity 4, blocks released tail first: [1,2] -> queue 2 1; [3,4] -> 2 1 4 3; [1,5] hits 1 and
        // evicts 2 -> 4 3 5 1; [1,2] hits 1 and evicts 4 -> 3 5 2 1; [3,4] hits 3 and evicts 5
        assertEquals(3, hits(4, "kv.lru", new long[]{1, 2}, new long[]{3, 4}, new long[]{1, 5},
                new long[]{1, 2}, new long[]{3, 4}));
    }

    @Test
    void theTailOfAPrefixIsReleasedAndEvictedFirst() {
        // capacity 3: [1,2,3] fills it and releases 3, 2, 1 in that order; [4] evicts 3, so [1,2] still hits both
        assertEquals(2, hits(3, "kv.lru", new long[]{1, 2, 3}, new long[]{4}, new long[]{1, 2}));
    }

    @Test
    void fifoEvictsTheOldestBlockEvenIfItHeadsACachedPrefix() {
        // capacity 2: [1] then [1,2] (1 hit; 1 entered first, 2 after); [3] evicts 1, the head of [1,2],
        // so [1,2] misses at 1 although 2 is still cached; LRU evicts 2 (released before 1) and keeps 1
        long[][] chains = {{1}, {1, 2}, {3}, {1, 2}};
        assertEquals(1, hits(2, "kv.fifo", chains));
        assertEquals(2, hits(2, "kv.lru", chains));
    }

    @Test
    void whenNothingCanBeEvictedTheRestOfTheChainIsNotCached() {
        // capacity 2: [1,2,3] caches 1 and 2, then 3 gets no block (1 and 2 are held by the request)
        assertEquals(2, hits(2, "kv.lru", new long[]{1, 2, 3}, new long[]{1, 2, 3}), "second request hits 1 and 2; 3 was never cached");
    }

    @Test
    void policiesDifferInTheirVictim() {
        long[][] chains = {{1}, {2}, {1}, {1}, {3}, {2}, {1}};
        // capacity 2. LRU: {1},{2},{1}h,{1}h,{3} evicts 2,{2} evicts 1,{1} miss -> 2 hits
        assertEquals(2, hits(2, "kv.lru", chains));
        // LFU: 1 has 2 hits, 2 none -> {3} evicts 2; {2} evicts 3 (no hits, 1 has 2) -> {1} hits -> 3
        assertEquals(3, hits(2, "kv.lfu", chains));
        // FIFO: {3} evicts 1 (entered first); {2} hits; {1} evicts 2 -> 3 hits
        assertEquals(3, hits(2, "kv.fifo", chains));
    }

    @Test
    void aCapacityAboveTheTraceIsUnlimited() {
        long[][] chains = {{1, 2}, {3}, {1, 2}, {3, 4}};
        assertEquals(hits(0, "kv.s3-fifo", chains), hits(1_000_000_000_000L, "kv.s3-fifo", chains));
        assertEquals(3, hits(0, "kv.s3-fifo", chains));
    }

    @Test
    void anUnknownPolicyListsTheRegisteredOnes() {
        ServeLabException e = assertThrows(ServeLabException.class, () -> replay(2, "kv.nope", new long[]{1}));
        assertTrue(e.getMessage().startsWith("--policy: unknown EvictionPolicy id 'kv.nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("kv.lru, kv.s3-fifo"), e.getMessage());
    }

    @Test
    void theCommandPrintsJsonRowsPerPolicyAndCapacity() throws Exception {
        Path trace = dir.resolve("t.jsonl");
        Files.writeString(trace, """
                {"timestamp": 0, "input_length": 1024, "output_length": 5, "hash_ids": [1, 2]}
                {"timestamp": 10, "input_length": 1536, "output_length": 5, "hash_ids": [1, 2, 3]}
                """);
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("cache-replay", "--trace", trace.toString(), "--format", "trace.mooncake",
                "--capacity-blocks", "0,2", "--policy", "kv.lru", "--policy", "kv.s3-fifo", "--json");
        assertEquals(0, code);
        JsonNode rows = new ObjectMapper().readTree(out.toString());
        assertEquals(4, rows.size());
        assertEquals("kv.lru", rows.get(0).get("policy").asText());
        assertEquals(0, rows.get(0).get("capacity_blocks").asLong());
        assertEquals(2, rows.get(0).get("hit_blocks").asLong());
        assertEquals(5, rows.get(0).get("total_blocks").asLong());
        assertEquals(0.4, rows.get(0).get("hit_ratio").asDouble(), 1e-12);
        assertEquals(2, rows.get(1).get("hit_blocks").asLong(), "capacity 2: 1 and 2 stay, 3 gets no block");
        assertEquals("kv.s3-fifo", rows.get(3).get("policy").asText());
    }

    @Test
    void badInputIsReportedWithFileAndLine() throws Exception {
        Path trace = dir.resolve("bad.jsonl");
        Files.writeString(trace, """
                {"timestamp": 0, "input_length": 600, "output_length": 5, "hash_ids": [1, 2]}
                {"timestamp": 5, "input_length": 600, "output_length": 5, "hash_ids": "x"}
                """);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(Main.EXIT_INPUT_ERROR, cl.execute("cache-replay", "--trace", trace.toString()));
        assertTrue(err.toString().contains("bad.jsonl") && err.toString().contains("2"), err.toString());
        assertEquals(Main.EXIT_INPUT_ERROR, cl.execute("cache-replay", "--trace", trace.toString(), "--policy", "kv.nope"));
    }
}
