package dev.servelab.plugins.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.plugins.workload.ChainedBlockHashes;
import dev.servelab.plugins.workload.ChainedBlockHashes.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one ShareGPT conversation into its assistant turns: the prompt of turn {@code k} is every
 * message before the answer (system, user and earlier answers), its output the answer.
 */
final class ShareGptConversation {
    /** One request's worth of a conversation. */
    record Turn(String sessionId, int promptTokens, int outputTokens, long[] hashIds) {
    }

    private static final Set<String> ASSISTANT = Set.of("gpt", "assistant", "chatgpt", "bard", "bing", "model");
    private final boolean firstTurnOnly;
    private final int blockTokens;

    ShareGptConversation(boolean firstTurnOnly, int blockTokens) {
        this.firstTurnOnly = firstTurnOnly;
        this.blockTokens = blockTokens;
    }

    List<Turn> turns(JsonNode conversation, String where) {
        JsonNode messages = conversation.get("conversations");
        if (messages == null || !messages.isArray()) throw new ServeLabException(where + ": conversation has no 'conversations' list");
        String session = conversation.hasNonNull("id") ? conversation.get("id").asText() : null;
        List<Segment> history = new ArrayList<>();
        List<Turn> out = new ArrayList<>();
        int prompt = 0;
        for (JsonNode m : messages) {
            if (!m.hasNonNull("from") || !m.hasNonNull("value")) {
                throw new ServeLabException(where + ": a message lacks 'from' or 'value'");
            }
            String text = m.get("value").asText();
            int tokens = TokenEstimate.of(text);
            boolean answer = ASSISTANT.contains(m.get("from").asText().toLowerCase());
            if (answer && prompt > 0 && tokens > 0) {
                long[] hashes = blockTokens > 0 ? ChainedBlockHashes.of(history, blockTokens) : new long[0];
                out.add(new Turn(session, prompt, tokens, hashes));
                if (firstTurnOnly) break;
            }
            if (tokens > 0) {
                history.add(new Segment(text.hashCode() * 0x9E3779B97F4A7C15L + text.length(), tokens));
                prompt += tokens;
            }
        }
        return out;
    }
}
