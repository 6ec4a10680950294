package dev.servelab.plugins.cachereplay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay rules on hand-built chains, with the hits worked out by hand, and the command end to end. */
class CacheReplayTest {
    @TempDir
    Path dir;

    static List<ReplayResult> replay(long capacity, ReplayPolicy policy, long[]... chains) {
        CacheReplay r = new CacheReplay(List.of(policy), List.of(capacity));
        for (long[] c : chains) r.accept(c);
        return r.results();
    }

    static long hits(long capacity, ReplayPolicy policy, long[]... chains) {
        return replay(capacity, policy, chains).getFirst().hitBlocks();
    }

    @Test
    void hitsAreTheLongestCachedPrefix() {
        // [1,2,3] then [1,2,4]: 2 hits; then [1,2,4,5]: 3 hits; then [9,2]: block 9 misses, so 0 hits
        long h = hits(0, ReplayPolicy.LRU, new long[]{1, 2, 3}, new long[]{1, 2, 4}, new long[]{1, 2, 4, 5}, new long[]{9, 2});
        assertEquals(5, h);
        assertEquals(12, replay(0, ReplayPolicy.LRU, new long[]{1, 2, 3}, new long[]{1, 2, 4}, new long[]{1, 2, 4, 5}, new long[]{9, 2})
                .getFirst().totalBlocks());
    }

    @Test
    void lruEvictsTheLeastRecentlyUsedLeafNotOnTheChain() {
        // capacity 4: [1,2] [3,4] fill it; [1,5] hits 1 and evicts leaf 2 (last used 1; 4 was used at 2,
        // 3 has a child); [1,2] hits 1 and evicts 4 (leaves 4 @2, 5 @3); [3,4] hits 3 and evicts 5
        assertEquals(3, hits(4, ReplayPolicy.LRU, new long[]{1, 2}, new long[]{3, 4}, new long[]{1, 5},
                new long[]{1, 2}, new long[]{3, 4}));
    }

    @Test
    void aParentIsNotEvictedWhileItHasACachedChild() {
        // capacity 3: [1,2,3] fills it; [4] must evict the only leaf, 3 (not 1 or 2, older but inner)
        long h = hits(3, ReplayPolicy.LRU, new long[]{1, 2, 3}, new long[]{4}, new long[]{1, 2});
        assertEquals(2, h);
    }

    @Test
    void whenNothingCanBeEvictedTheRestOfTheChainIsNotInserted() {
        // capacity 2: [1,2,3] inserts 1 and 2, then 3 has no candidate (1 and 2 are on the chain)
        long h = hits(2, ReplayPolicy.LRU, new long[]{1, 2, 3}, new long[]{1, 2, 3});
        assertEquals(2, h, "second request hits 1 and 2; 3 was never inserted");
    }

    @Test
    void policiesDifferInTheirVictim() {
        long[][] chains = {{1}, {2}, {1}, {1}, {3}, {2}, {1}};
        // capacity 2. LRU: {1},{2},{1}h,{1}h,{3} evicts 2,{2} evicts 1,{1} miss -> 2 hits
        assertEquals(2, hits(2, ReplayPolicy.LRU, chains));
        // LFU: counts 1:3, 2:1 -> {3} evicts 2; {2} evicts 3 (count 1 < 3) -> {1} hits -> 3
        assertEquals(3, hits(2, ReplayPolicy.LFU, chains));
        // FIFO: {3} evicts 1 (inserted first); {2} hits; {1} evicts 2 -> 2 hits (+1 for {2})
        assertEquals(3, hits(2, ReplayPolicy.FIFO, chains));
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
        assertEquals(2, rows.get(1).get("hit_blocks").asLong(), "capacity 2: 1 and 2 stay, 3 cannot be inserted");
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
