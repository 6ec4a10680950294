package dev.servelab.hw.agent;

import dev.servelab.hw.jvm.SequenceChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One iteration's batch as the agent composes it: every running sequence's decode token first, then
 * prefill chunks in admission order within the token budget (chunked prefill, as vLLM's default
 * scheduler does). {@code members.get(i)} owns {@code chunks.get(i)}.
 */
record AgentBatch(List<SequenceChunk> chunks, List<AgentRequest> members) {
    static AgentBatch compose(List<AgentRequest> running, int maxBatchedTokens) {
        List<SequenceChunk> chunks = new ArrayList<>(running.size());
        List<AgentRequest> members = new ArrayList<>(running.size());
        int budget = maxBatchedTokens;
        for (AgentRequest r : running) {
            if (r.computed >= r.prompt.length) {
                chunks.add(new SequenceChunk(r.id, new int[] {r.lastToken}, r.computed, r.blockTable()));
                members.add(r);
                budget--;
            }
        }
        for (AgentRequest r : running) {
            if (r.computed < r.prompt.length && budget > 0) {
                int n = Math.min(budget, r.prompt.length - r.computed);
                int[] part = Arrays.copyOfRange(r.prompt, r.computed, r.computed + n);
                chunks.add(new SequenceChunk(r.id, part, r.computed, r.blockTable()));
                members.add(r);
                budget -= n;
            }
        }
        return new AgentBatch(chunks, members);
    }
}
