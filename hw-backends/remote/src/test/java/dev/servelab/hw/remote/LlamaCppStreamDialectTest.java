package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** llama-server streams: {@code content: null} on the role chunk, {@code timings} on the last chunk. */
class LlamaCppStreamDialectTest {
    private final StreamDialect llamacpp = new LlamaCppStreamDialect();

    @Test
    void chatStreamCarriesServerTimingsOnTheLastChunk() throws Exception {
        String stream = """
                data: {"choices":[{"finish_reason":null,"index":0,"delta":{"role":"assistant","content":null}}],"created":1732800000,"id":"chatcmpl-xyz","model":"llama-3.2-1b","system_fingerprint":"b4300-abc","object":"chat.completion.chunk"}

                data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":"Hello"}}],"created":1732800000,"id":"chatcmpl-xyz","model":"llama-3.2-1b","system_fingerprint":"b4300-abc","object":"chat.completion.chunk"}

                data: {"choices":[{"finish_reason":null,"index":0,"delta":{"content":" there"}}],"created":1732800000,"id":"chatcmpl-xyz","model":"llama-3.2-1b","system_fingerprint":"b4300-abc","object":"chat.completion.chunk"}

                data: {"choices":[{"finish_reason":"length","index":0,"delta":{}}],"created":1732800000,"id":"chatcmpl-xyz","model":"llama-3.2-1b","system_fingerprint":"b4300-abc","object":"chat.completion.chunk","usage":{"completion_tokens":2,"prompt_tokens":9,"total_tokens":11},"timings":{"cache_n":4,"prompt_n":5,"prompt_ms":12.5,"prompt_per_token_ms":2.5,"prompt_per_second":400.0,"predicted_n":2,"predicted_ms":30.2,"predicted_per_token_ms":15.1,"predicted_per_second":66.2}}

                data: [DONE]

                """;
        List<StreamChunk> chunks = DialectStreams.parse(llamacpp, stream);
        assertEquals("[Hello][ there]", DialectStreams.tokens(chunks));
        assertEquals("length", DialectStreams.finish(chunks));
        assertEquals(new Usage(9, 2, -1), DialectStreams.usage(chunks));
        assertEquals(new ServerTimings(5, 12.5, 2, 30.2, 4), chunks.get(3).timings());
    }

    @Test
    void completionsStreamAndOptions() throws Exception {
        String stream = """
                data: {"choices":[{"text":"def","index":0,"logprobs":null,"finish_reason":null}],"created":1,"model":"m","system_fingerprint":"b1","object":"text_completion","id":"cmpl-1"}

                data: {"choices":[{"text":"","index":0,"logprobs":null,"finish_reason":"length"}],"created":1,"model":"m","system_fingerprint":"b1","object":"text_completion","id":"cmpl-1","usage":{"completion_tokens":1,"prompt_tokens":3,"total_tokens":4},"timings":{"prompt_n":3,"prompt_ms":4.0,"predicted_n":1,"predicted_ms":9.0}}

                data: [DONE]

                """;
        List<StreamChunk> chunks = DialectStreams.parse(llamacpp, stream);
        assertEquals("[def]", DialectStreams.tokens(chunks));
        assertEquals(-1, chunks.get(1).timings().cachedTokens());
        ObjectNode body = new ObjectMapper().createObjectNode();
        llamacpp.decorate(body);
        assertTrue(body.path("ignore_eos").asBoolean() && body.path("cache_prompt").asBoolean());
    }
}
