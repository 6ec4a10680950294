package dev.servelab.hw.remote;

/** Which OpenAI-compatible route a client streams from. */
public enum EndpointApi {
    /** {@code POST /v1/completions}: a raw prompt, tokens in {@code choices[0].text}. */
    COMPLETIONS("/v1/completions"),
    /** {@code POST /v1/chat/completions}: one user message, tokens in {@code choices[0].delta.content}. */
    CHAT("/v1/chat/completions");

    private final String path;

    EndpointApi(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
