package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vLLM streams, written by hand in the shape its OpenAI-compatible server sends. */
class VllmStreamDialectTest {
    private final StreamDialect vllm = new VllmStreamDialect();

    @Test
    void completionsStreamCountsTextChunksAndReadsTheUsageChunk() throws Exception {
        String stream = """
                data: {"id":"cmpl-8f2c","object":"text_completion","created":1732800000,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[{"index":0,"text":" Paris","logprobs":null,"finish_reason":null,"stop_reason":null}],"usage":null}

                data: {"id":"cmpl-8f2c","object":"text_completion","created":1732800000,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[{"index":0,"text":" is","logprobs":null,"finish_reason":null,"stop_reason":null}],"usage":null}

                data: {"id":"cmpl-8f2c","object":"text_completion","created":1732800000,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[{"index":0,"text":" the","logprobs":null,"finish_reason":"length","stop_reason":null}],"usage":null}

                data: {"id":"cmpl-8f2c","object":"text_completion","created":1732800000,"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[],"usage":{"prompt_tokens":5,"total_tokens":8,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":4}}}

                data: [DONE]

                """;
        List<StreamChunk> chunks = DialectStreams.parse(vllm, stream);
        assertEquals("[ Paris][ is][ the]", DialectStreams.tokens(chunks));
        assertEquals("length", DialectStreams.finish(chunks));
        assertEquals(new Usage(5, 3, 4), DialectStreams.usage(chunks));
        assertTrue(chunks.getLast().done());
    }

    @Test
    void chatStreamOpensWithARoleChunkThatIsNoToken() throws Exception {
        String stream = """
                data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1732800000,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

                data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1732800000,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}]}

                data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1732800000,"model":"m","choices":[{"index":0,"delta":{"content":"!"},"logprobs":null,"finish_reason":"length","stop_reason":null}]}

                data: [DONE]

                """;
        List<StreamChunk> chunks = DialectStreams.parse(vllm, stream);
        assertEquals("[Hi][!]", DialectStreams.tokens(chunks));
        assertEquals(4, chunks.size());
    }

    @Test
    void errorInsideTheStreamIsReported() throws Exception {
        String stream = "data: {\"error\": {\"object\": \"error\", \"message\": \"KV cache exhausted\", \"type\": \"InternalServerError\", \"code\": 500}}\n\n";
        assertEquals("KV cache exhausted", DialectStreams.parse(vllm, stream).getFirst().error());
    }

    @Test
    void requestsIgnoreEosAndUsage() {
        ObjectNode body = new ObjectMapper().createObjectNode();
        vllm.decorate(body);
        assertTrue(body.path("ignore_eos").asBoolean());
        assertTrue(body.path("stream_options").path("include_usage").asBoolean());
    }
}
