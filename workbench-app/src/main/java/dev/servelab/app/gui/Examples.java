package dev.servelab.app.gui;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped example pipelines ({@code sample-traces/pipelines}), found from the working directory or the jar. */
public final class Examples {
    private Examples() {
    }

    public static Path directory() {
        for (Path start : starts()) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path d = p.resolve("sample-traces").resolve("pipelines");
                if (Files.isDirectory(d)) return d;
            }
        }
        return null;
    }

    public static List<Path> all() {
        Path d = directory();
        if (d == null) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static Path quickstart() {
        Path d = directory();
        return d == null ? null : d.resolve("quickstart.yaml");
    }

    private static List<Path> starts() {
        Path cwd = Path.of("").toAbsolutePath();
        try {
            Path jar = Path.of(Examples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return List.of(cwd, jar.toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            return List.of(cwd);
        }
    }
}
