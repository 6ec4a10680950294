package dev.servelab.hw.agent;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} (RFC 6750), compared in
 * constant time; otherwise HTTP 401 with {@code WWW-Authenticate: Bearer}. The token is never logged.
 */
final class BearerTokenFilter extends Filter {
    private final byte[] expected;

    BearerTokenFilter(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        String given = ex.getRequestHeaders().getFirst("Authorization");
        if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(ex);
            return;
        }
        try (ex) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            AgentJson.error(ex, 401, "missing or wrong bearer token");
        }
    }

    @Override
    public String description() {
        return "bearer token";
    }
}
