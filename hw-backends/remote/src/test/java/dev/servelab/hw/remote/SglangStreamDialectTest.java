package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SGLang streams: {@code usage: null} on every chunk, {@code matched_stop}, reasoning content. */
class SglangStreamDialectTest {
    private final StreamDialect sglang = new SglangStreamDialect();

    @Test
    void chatStreamWithNullUsageAndMatchedStop() throws Exception {
        String stream = """
                data: {"id":"0a1b","object":"chat.completion.chunk","created":1732800000,"model":"qwen","choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning_content":null,"tool_calls":null},"logprobs":null,"finish_reason":null,"matched_stop":null}],"usage":null}

                data: {"id":"0a1b","object":"chat.completion.chunk","created":1732800000,"model":"qwen","choices":[{"index":0,"delta":{"role":null,"content":"One","reasoning_content":null,"tool_calls":null},"logprobs":null,"finish_reason":null,"matched_stop":null}],"usage":null}

                data: {"id":"0a1b","object":"chat.completion.chunk","created":1732800000,"model":"qwen","choices":[{"index":0,"delta":{"role":null,"content":" two","reasoning_content":null,"tool_calls":null},"logprobs":null,"finish_reason":null,"matched_stop":null}],"usage":null}

                data: {"id":"0a1b","object":"chat.completion.chunk","created":1732800000,"model":"qwen","choices":[{"index":0,"delta":{"role":null,"content":null,"reasoning_content":null,"tool_calls":null},"logprobs":null,"finish_reason":"length","matched_stop":null}],"usage":null}

                data: {"id":"0a1b","object":"chat.completion.chunk","created":1732800000,"model":"qwen","choices":[],"usage":{"prompt_tokens":12,"total_tokens":14,"completion_tokens":2,"prompt_tokens_details":null}}

                data: [DONE]

                """;
        List<StreamChunk> chunks = DialectStreams.parse(sglang, stream);
        assertEquals("[One][ two]", DialectStreams.tokens(chunks));
        assertEquals("length", DialectStreams.finish(chunks));
        assertEquals(new Usage(12, 2, -1), DialectStreams.usage(chunks));
        assertNull(chunks.get(1).usage());
    }

    @Test
    void reasoningContentCountsAsTokens() throws Exception {
        String stream = """
                data: {"id":"r","object":"chat.completion.chunk","created":1,"model":"qwen","choices":[{"index":0,"delta":{"content":null,"reasoning_content":"Let"},"finish_reason":null,"matched_stop":null}],"usage":null}

                data: {"id":"r","object":"chat.completion.chunk","created":1,"model":"qwen","choices":[{"index":0,"delta":{"content":"Yes","reasoning_content":null},"finish_reason":"stop","matched_stop":128009}],"usage":null}

                data: [DONE]

                """;
        assertEquals("[Let][Yes]", DialectStreams.tokens(DialectStreams.parse(sglang, stream)));
    }
}
