package dev.servelab.hw.jvm;

import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal static-batch driver of {@link JvmLlamaExecutor}, for the CLI, tests and benchmarks
 * (the engine's scheduler is the real caller): all prompts prefill in one iteration, then every
 * sequence decodes one token per iteration, greedily, growing its block table as it crosses block
 * boundaries. Blocks are returned to the allocator at the end.
 */
public final class GreedyDecoder {
    private final JvmLlamaExecutor executor;
    private final KvBlockAllocator allocator;

    public GreedyDecoder(JvmLlamaExecutor executor, KvBlockAllocator allocator) {
        this.executor = executor;
        this.allocator = allocator;
    }

    /** {@code newTokens} greedy tokens after each prompt (the first comes from the prefill). */
    public int[][] generate(int[][] prompts, int newTokens) {
        return run(prompts, newTokens).tokens();
    }

    public GreedyRun run(int[][] prompts, int newTokens) {
        int n = prompts.length;
        List<List<Integer>> tables = new ArrayList<>();
        int[] length = new int[n];
        int[][] out = new int[n][newTokens];
        try {
            List<SequenceChunk> chunks = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                tables.add(new ArrayList<>());
                chunks.add(chunk(s, prompts[s], 0, tables.get(s)));
                length[s] = prompts[s].length;
            }
            IterationResult prefill = executor.run(new Iteration(chunks));
            int[] next = prefill.greedyTokens();
            long decodeNanos = 0;
            for (int step = 0; step < newTokens; step++) {
                for (int s = 0; s < n; s++) {
                    out[s][step] = next[s];
                }
                if (step + 1 == newTokens) {
                    break;
                }
                chunks.clear();
                for (int s = 0; s < n; s++) {
                    chunks.add(chunk(s, new int[] {next[s]}, length[s], tables.get(s)));
                    length[s]++;
                }
                IterationResult r = executor.run(new Iteration(chunks));
                decodeNanos += r.elapsedNanos();
                next = r.greedyTokens();
            }
            return new GreedyRun(out, prefill.elapsedNanos(), decodeNanos, Math.max(0, newTokens - 1));
        } finally {
            tables.forEach(t -> t.forEach(allocator::free));
        }
    }

    private SequenceChunk chunk(long id, int[] tokens, int start, List<Integer> table) {
        int bs = executor.kvCapacity().blockSizeTokens();
        while ((long) table.size() * bs < start + tokens.length) {
            table.add(allocator.allocate());
        }
        return new SequenceChunk(id, tokens, start, table.stream().mapToInt(Integer::intValue).toArray());
    }
}
