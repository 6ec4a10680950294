package dev.servelab.hw.jvm;

import dev.servelab.hw.jvm.kv.KvBlockAllocator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft side of speculative decoding (Leviathan et al., "Fast Inference from Transformers via
 * Speculative Decoding", ICML 2023): a smaller model with the target's vocabulary proposes tokens
 * greedily, batched over all sequences that verify in the same iteration. The draft keeps its own
 * paged KV cache and block tables; each {@link #propose} first catches the draft up on the tokens it
 * has not seen (the prompt on a sequence's first step, then the target's bonus token and any proposal
 * it did not feed), then decodes one token per pass. {@link #rollBack} drops the KV of rejected
 * proposals (the positions are simply recomputed next time; whole blocks past the kept ones go back
 * to the pool).
 */
public final class DraftProposer implements AutoCloseable {
    /** One sequence's request: its tokens so far ({@code tokens[0..length)}, the last one not yet verified) and how many to propose. */
    public record Ask(long sequenceId, int[] tokens, int length, int count) {
    }

    private final JvmLlamaExecutor draft;
    private final KvBlockAllocator allocator;
    private final Map<Long, List<Integer>> tables = new HashMap<>();
    private final Map<Long, Integer> computed = new HashMap<>();

    public DraftProposer(JvmLlamaExecutor draft) {
        this.draft = draft;
        this.allocator = new KvBlockAllocator(draft.kvCapacity().blockCount());
    }

    public JvmLlamaExecutor model() {
        return draft;
    }

    /** {@code ask.count()} greedy draft tokens per ask (in ask order), from {@code 1 + max count - 1} batched passes. */
    public int[][] propose(List<Ask> asks) {
        int[][] out = new int[asks.size()][];
        List<SequenceChunk> chunks = new ArrayList<>(asks.size());
        List<Integer> who = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            Ask a = asks.get(i);
            out[i] = new int[a.count()];
            if (a.count() == 0) continue;
            who.add(i);
            int from = Math.min(computed.getOrDefault(a.sequenceId(), 0), a.length() - 1);
            chunks.add(chunk(a.sequenceId(), java.util.Arrays.copyOfRange(a.tokens(), from, a.length()), from));
            computed.put(a.sequenceId(), a.length());
        }
        if (chunks.isEmpty()) return out;
        int[] next = draft.run(new Iteration(chunks)).greedyTokens();
        for (int j = 0; j < who.size(); j++) out[who.get(j)][0] = next[j];
        for (int step = 1; ; step++) {
            chunks.clear();
            who.clear();
            for (int i = 0; i < asks.size(); i++) {
                Ask a = asks.get(i);
                if (a.count() <= step) continue;
                int position = a.length() + step - 1;
                chunks.add(chunk(a.sequenceId(), new int[] {out[i][step - 1]}, position));
                computed.put(a.sequenceId(), position + 1);
                who.add(i);
            }
            if (chunks.isEmpty()) return out;
            next = draft.run(new Iteration(chunks)).greedyTokens();
            for (int j = 0; j < who.size(); j++) out[who.get(j)][step] = next[j];
        }
    }

    /**
     * After verification: only the first {@code validTokens} positions of the sequence hold tokens the
     * target kept; the draft's K/V past them is dropped.
     */
    public void rollBack(long sequenceId, int validTokens) {
        Integer c = computed.get(sequenceId);
        if (c == null) return;
        int kept = Math.min(c, validTokens);
        computed.put(sequenceId, kept);
        List<Integer> table = tables.get(sequenceId);
        int bs = draft.kvCapacity().blockSizeTokens();
        int needed = (kept + bs - 1) / bs;
        while (table.size() > needed) allocator.free(table.removeLast());
    }

    /** Frees the sequence's draft blocks (it finished). */
    public void release(long sequenceId) {
        List<Integer> table = tables.remove(sequenceId);
        computed.remove(sequenceId);
        if (table != null) table.forEach(allocator::free);
    }

    /** Draft KV blocks in use (for tests). */
    int blocksInUse() {
        return allocator.blockCount() - allocator.freeCount();
    }

    private SequenceChunk chunk(long id, int[] tokens, int start) {
        List<Integer> table = tables.computeIfAbsent(id, x -> new ArrayList<>());
        int bs = draft.kvCapacity().blockSizeTokens();
        while ((long) table.size() * bs < start + tokens.length) table.add(allocator.allocate());
        return new SequenceChunk(id, tokens, start, table.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public void close() {
        draft.close();
    }
}
