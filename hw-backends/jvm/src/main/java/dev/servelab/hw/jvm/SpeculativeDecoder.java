package dev.servelab.hw.jvm;

import dev.servelab.hw.jvm.kv.KvBlockAllocator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A static-batch driver of speculative decoding, the counterpart of {@link GreedyDecoder} for the CLI,
 * tests and benchmarks: all prompts prefill in one target iteration; then each step the draft proposes
 * up to k tokens per sequence ({@link DraftProposer}), the target verifies every sequence's last token
 * and its proposals in ONE batched forward pass over k+1 positions, and each sequence keeps the longest
 * prefix of proposals the target agrees with plus the target's own next token (greedy verification:
 * the output is exactly plain greedy decoding's). Target KV blocks past the kept tokens are returned
 * to the allocator at once (rollback); the rest at the end.
 */
public final class SpeculativeDecoder {
    private final JvmLlamaExecutor target;
    private final KvBlockAllocator allocator;
    private final DraftProposer draft;
    private final int k;

    public SpeculativeDecoder(JvmLlamaExecutor target, KvBlockAllocator allocator, DraftProposer draft, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1");
        this.target = target;
        this.allocator = allocator;
        this.draft = draft;
        this.k = k;
    }

    /** Tokens generated, time spent, verify steps and the acceptance measured. */
    public record Run(int[][] tokens, long prefillNanos, long decodeNanos, int verifySteps, SpeculativeStats stats) {
        /** Decode tokens (after the first) per second over all sequences. */
        public double decodeTokensPerSecond() {
            long n = Arrays.stream(tokens).mapToLong(t -> Math.max(0, t.length - 1)).sum();
            return decodeNanos == 0 ? 0 : n / (decodeNanos / 1e9);
        }
    }

    /** {@code newTokens} tokens after each prompt, speculatively. */
    public Run run(int[][] prompts, int newTokens) {
        int n = prompts.length;
        List<List<Integer>> tables = new ArrayList<>();
        int[][] all = new int[n][];
        int[] length = new int[n];
        SpeculativeStats stats = new SpeculativeStats(k);
        try {
            List<SequenceChunk> chunks = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                tables.add(new ArrayList<>());
                all[s] = Arrays.copyOf(prompts[s], prompts[s].length + newTokens);
                chunks.add(chunk(s, prompts[s], 0, tables.get(s), false));
            }
            IterationResult prefill = target.run(new Iteration(chunks));
            for (int s = 0; s < n; s++) all[s][prompts[s].length] = prefill.greedyTokens()[s];
            for (int s = 0; s < n; s++) length[s] = prompts[s].length + 1;
            long decodeNanos = 0;
            int steps = 0;
            while (true) {
                long start = System.nanoTime();
                if (!step(prompts, newTokens, all, length, tables, stats)) break;
                decodeNanos += System.nanoTime() - start;
                steps++;
            }
            int[][] out = new int[n][];
            for (int s = 0; s < n; s++) out[s] = Arrays.copyOfRange(all[s], prompts[s].length, prompts[s].length + newTokens);
            return new Run(out, prefill.elapsedNanos(), decodeNanos, steps, stats);
        } finally {
            tables.forEach(t -> t.forEach(allocator::free));
            for (int s = 0; s < n; s++) draft.release(s);
        }
    }

    /** One draft + verify step over every unfinished sequence; false when all are done. */
    private boolean step(int[][] prompts, int newTokens, int[][] all, int[] length, List<List<Integer>> tables,
                         SpeculativeStats stats) {
        List<DraftProposer.Ask> asks = new ArrayList<>();
        List<Integer> who = new ArrayList<>();
        for (int s = 0; s < all.length; s++) {
            int remaining = prompts[s].length + newTokens - length[s];
            if (remaining <= 0) continue;
            asks.add(new DraftProposer.Ask(s, all[s], length[s], Math.min(k, remaining - 1)));
            who.add(s);
        }
        if (asks.isEmpty()) return false;
        int[][] proposals = draft.propose(asks);
        List<SequenceChunk> chunks = new ArrayList<>();
        for (int i = 0; i < who.size(); i++) {
            int s = who.get(i);
            int[] verify = new int[1 + proposals[i].length];
            verify[0] = all[s][length[s] - 1];
            System.arraycopy(proposals[i], 0, verify, 1, proposals[i].length);
            chunks.add(chunk(s, verify, length[s] - 1, tables.get(s), true));
        }
        IterationResult r = target.run(new Iteration(chunks));
        for (int i = 0; i < who.size(); i++) {
            int s = who.get(i);
            int[] rows = r.outputs().get(i).rowTokens();
            int a = SpeculativeStats.acceptedPrefix(proposals[i], rows);
            int emit = a + 1;
            System.arraycopy(proposals[i], 0, all[s], length[s], a);
            all[s][length[s] + a] = rows[a];
            if (proposals[i].length > 0) stats.record(proposals[i].length, a);
            draft.rollBack(s, length[s] + a);
            length[s] += emit;
            rollBack(tables.get(s), length[s] - 1);
        }
        return true;
    }

    /** Frees the target's blocks past the first {@code kvTokens} positions (those of rejected proposals). */
    private void rollBack(List<Integer> table, int kvTokens) {
        int bs = target.kvCapacity().blockSizeTokens();
        int needed = (kvTokens + bs - 1) / bs;
        while (table.size() > needed) allocator.free(table.removeLast());
    }

    private SequenceChunk chunk(long id, int[] tokens, int start, List<Integer> table, boolean allLogits) {
        int bs = target.kvCapacity().blockSizeTokens();
        while ((long) table.size() * bs < start + tokens.length) table.add(allocator.allocate());
        return new SequenceChunk(id, tokens, start, table.stream().mapToInt(Integer::intValue).toArray(), allLogits);
    }
}
