package dev.servelab.hw.remote;

/** Token counts an endpoint reports ({@code usage} in the OpenAI API); {@code cachedPromptTokens} is -1 when not reported. */
public record Usage(int promptTokens, int completionTokens, int cachedPromptTokens) {
}
