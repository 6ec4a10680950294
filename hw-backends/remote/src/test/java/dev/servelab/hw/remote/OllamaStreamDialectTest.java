package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ollama's /v1 streams: the role repeated on every chunk, an empty finishing chunk, no ignore_eos. */
class OllamaStreamDialectTest {
    private final StreamDialect ollama = new OllamaStreamDialect();

    @Test
    void chatStreamRepeatsTheRoleAndEndsWithAnEmptyChunk() throws Exception {
        String stream = """
                data: {"id":"chatcmpl-412","object":"chat.completion.chunk","created":1732800000,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"The"},"finish_reason":null}]}

                data: {"id":"chatcmpl-412","object":"chat.completion.chunk","created":1732800000,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":" sky"},"finish_reason":null}]}

                data: {"id":"chatcmpl-412","object":"chat.completion.chunk","created":1732800000,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop"}]}

                data: {"id":"chatcmpl-412","object":"chat.completion.chunk","created":1732800000,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[],"usage":{"prompt_tokens":26,"completion_tokens":2,"total_tokens":28}}

                data: [DONE]

                """;
        List<StreamChunk> chunks = DialectStreams.parse(ollama, stream);
        assertEquals("[The][ sky]", DialectStreams.tokens(chunks));
        assertEquals("stop", DialectStreams.finish(chunks));
        assertEquals(new Usage(26, 2, -1), DialectStreams.usage(chunks));
    }

    @Test
    void cannotForceTheOutputLength() {
        ObjectNode body = new ObjectMapper().createObjectNode();
        ollama.decorate(body);
        assertFalse(body.has("ignore_eos"));
        assertFalse(ollama.supportsIgnoreEos());
    }
}
