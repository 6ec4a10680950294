package dev.servelab.plugins;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The read-only shared data folder ({@code servelab.shared}, set by Surefire) and small stream helpers. */
public final class SharedData {
    private SharedData() {
    }

    public static Path path(String relative) {
        String prop = System.getProperty("servelab.shared");
        Path root = prop != null ? Path.of(prop) : Path.of("../../shared");
        Path p = root.resolve(relative).normalize();
        if (!Files.isReadable(p)) throw new IllegalStateException("shared data missing: " + p.toAbsolutePath());
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
