package dev.servelab.hw.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ServeLab's own edge agent ({@code servelab agent}): vLLM's request extensions ({@code ignore_eos},
 * {@code stream_options.include_usage}), plain OpenAI chunks. See {@code dev.servelab.hw.agent}.
 */
public final class ServeLabStreamDialect implements StreamDialect {
    /** Its id, the default dialect of a registered device. */
    public static final String ID = "servelab";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean supportsIgnoreEos() {
        return true;
    }

    @Override
    public void decorate(ObjectNode body) {
        body.put("ignore_eos", true);
        OpenAiChunks.includeUsage(body);
    }
}
