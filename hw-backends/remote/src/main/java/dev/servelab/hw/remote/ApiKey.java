package dev.servelab.hw.remote;

import java.util.Objects;

/**
 * A secret bearer key for an endpoint, with where it came from. It is never printed: {@link #toString()}
 * shows only its source, and {@link #redact(String)} scrubs it out of any message (error bodies echo
 * headers sometimes). Keys are read from an environment variable or a settings field, never stored.
 */
public final class ApiKey {
    private final String value;
    private final String source;

    private ApiKey(String value, String source) {
        this.value = Objects.requireNonNull(value);
        this.source = source;
    }

    /** The key in environment variable {@code name}; throws naming the variable (not the key) when unset. */
    public static ApiKey fromEnv(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " (API key) is not set");
        }
        return new ApiKey(v.strip(), "env:" + name);
    }

    /** A key given in a settings field; {@code field} names the field for messages. */
    public static ApiKey of(String value, String field) {
        return new ApiKey(value, "setting:" + field);
    }

    /** The {@code Authorization} header value. Only the HTTP client calls this. */
    String bearerHeader() {
        return "Bearer " + value;
    }

    /** {@code text} with every occurrence of the key replaced by {@code ***}. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ApiKey[" + source + ", ***]";
    }
}
