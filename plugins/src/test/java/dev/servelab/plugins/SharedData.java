package dev.servelab.plugins;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only shared data folder ({@code servelab.shared}, set by Surefire) and small stream helpers. A test
 * whose shared file is absent (a clone without {@code ../shared}) is skipped with the path as its reason.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path path(String relative) {
        String prop = System.getProperty("servelab.shared");
        Path root = prop != null ? Path.of(prop) : Path.of("../../shared");
        Path p = root.resolve(relative).normalize();
        assumeTrue(Files.isReadable(p), "skipped: shared data not present: " + p.toAbsolutePath());
        return p;
    }

    public static List<Request> readAll(RequestStream stream) throws IOException {
        List<Request> out = new ArrayList<>();
        try (stream) {
            Request r;
            while ((r = stream.next()) != null) out.add(r);
        }
        return out;
    }
}
