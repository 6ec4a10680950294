package dev.servelab.hw.agent;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} (RFC 6750; the scheme name
 * is case-insensitive, RFC 9110 §11.1, so {@code bearer} works too), the token compared in constant
 * time; otherwise HTTP 401 with {@code WWW-Authenticate: Bearer}. The token is never logged.
 */
final class BearerTokenFilter extends Filter {
    private static final String SCHEME = "bearer";
    private final byte[] expected;

    BearerTokenFilter(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        if (expected.length > 0 && MessageDigest.isEqual(expected, given(ex.getRequestHeaders().getFirst("Authorization")))) {
            chain.doFilter(ex);
            return;
        }
        try (ex) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            AgentJson.error(ex, 401, "missing or wrong bearer token");
        }
    }

    /** The credentials after a case-insensitive {@code Bearer} scheme and its spaces, or no bytes. */
    private static byte[] given(String header) {
        if (header == null) return new byte[0];
        String h = header.strip();
        if (h.length() <= SCHEME.length() || !h.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || h.charAt(SCHEME.length()) != ' ') {
            return new byte[0];
        }
        return h.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String description() {
        return "bearer token";
    }
}
