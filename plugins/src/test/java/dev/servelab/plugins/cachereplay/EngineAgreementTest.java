package dev.servelab.plugins.cachereplay;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For the same block sequence, a simulated pipeline (one real replica with prefix caching, its KV
 * cache and the {@code kv.*} plugin, a real run store) and {@code cache-replay} hit exactly the same
 * blocks, for every built-in eviction policy and at capacities that evict. The sequence is the
 * sample Mooncake-like trace's chains, each followed by a block of its own: a replica always computes
 * the prompt's last token, so its last block can never hit — with a block that no other request
 * has, it hits in neither. Requests run one at a time (one second apart), as the replay assumes.
 */
class EngineAgreementTest {
    private static final int BLOCK_TOKENS = 16;
    private static final long SECOND = 1_000_000_000L;
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"kv.lru", "kv.lfu", "kv.fifo", "kv.s3-fifo"})
    void aReplicaAndTheReplayHitTheSameBlocks(String policy) throws Exception {
        BlockSequence blocks = sampleChainsWithOwnTails();
        long unlimited = CacheReplay.run(blocks, List.of(policy), List.of(0L), REGISTRY).getFirst().hitBlocks();
        for (int capacity : new int[]{300, 2000}) {
            long replay = CacheReplay.run(blocks, List.of(policy), List.of((long) capacity), REGISTRY).getFirst().hitBlocks();
            PipelineResult run = PipelineScenario.yaml(pipeline(policy, capacity)).requests(requests(blocks)).storeIn(dir).run();
            long engine = run.rows().values().stream().mapToLong(PipelineResult.Row::cachedTokens).sum() / BLOCK_TOKENS;
            assertEquals(engine, replay, policy + " at " + capacity + " blocks");
            assertTrue(replay > 0 && replay < unlimited, policy + " at " + capacity + " evicts: " + replay + " of " + unlimited);
        }
    }

    static BlockSequence sampleChainsWithOwnTails() {
        BlockSequence sample = ChainSource.read(Path.of("../sample-traces/mooncake-like.jsonl"), ChainSource.MOONCAKE, REGISTRY);
        BlockSequence out = new BlockSequence();
        for (int i = 0; i < sample.size(); i++) {
            long[] chain = Arrays.copyOf(sample.chain(i), sample.chain(i).length + 1);
            chain[chain.length - 1] = 0x7A11_0000_0000_0000L + i;
            out.add(i * SECOND, chain);
        }
        return out;
    }

    static List<Request> requests(BlockSequence blocks) {
        List<Request> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            long[] chain = blocks.chain(i);
            out.add(new Request(i, blocks.arrivalNanos(i), chain.length * BLOCK_TOKENS, 1, chain, BLOCK_TOKENS, null, null, null));
        }
        return out;
    }

    static String pipeline(String policy, int capacity) {
        return """
                name: replay-agreement
                seed: 1
                pools:
                  - name: gpu
                    replicas: 1
                    max_num_seqs: 4
                    max_num_batched_tokens: 65536
                    scheduler: batch.continuous
                    kv_cache: {block_size: %d, capacity_blocks: %d, prefix_caching: true, eviction: %s}
                    executor: {type: exec.test-linear, base_ms: 10, per_token_ms: 0}
                """.formatted(BLOCK_TOKENS, capacity, policy);
    }
}
