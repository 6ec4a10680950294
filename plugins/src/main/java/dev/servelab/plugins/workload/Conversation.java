package dev.servelab.plugins.workload;

import dev.servelab.engine.model.SplitMix64;
import dev.servelab.plugins.workload.ChainedBlockHashes.Segment;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one multi-turn session: its shared system prompt, the history so far (user messages
 * and answers, each a content segment) and the turns left. The prompt of the next turn is the whole
 * history plus the new user message, so consecutive turns share every full block of the previous one.
 */
final class Conversation {
    final long number;
    final String sessionId;
    private final List<Segment> history = new ArrayList<>();
    private int tokens;
    private int turn;
    int turnsLeft;

    Conversation(long number, Segment systemPrompt, int turns) {
        this.number = number;
        this.sessionId = "s" + number;
        this.turnsLeft = turns;
        history.add(systemPrompt);
        tokens = systemPrompt.tokens();
    }

    /** Appends the user message of the next turn; returns the prompt length. */
    int ask(int userTokens) {
        history.add(new Segment(SplitMix64.mix(number * 1_000_003L + 2L * turn + 1), userTokens));
        tokens += userTokens;
        return tokens;
    }

    long[] hashIds(int blockTokens) {
        return ChainedBlockHashes.of(history, blockTokens);
    }

    /** Appends the answer of this turn to the history. */
    void answer(int outputTokens) {
        history.add(new Segment(SplitMix64.mix(number * 1_000_003L + 2L * turn + 2), outputTokens));
        tokens += outputTokens;
        turn++;
        turnsLeft--;
    }

    int tokens() {
        return tokens;
    }
}
