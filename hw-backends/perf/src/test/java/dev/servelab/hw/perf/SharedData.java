package dev.servelab.hw.perf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only shared data folder: system property servelab.shared, else ../../shared. */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String prop = System.getProperty("servelab.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("../../shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("../../shared");
        }
        return p.toAbsolutePath().normalize();
    }

    public static Path file(String relative) {
        Path f = root().resolve(relative);
        assumeTrue(Files.isRegularFile(f), "shared data file missing: " + f);
        return f;
    }

    public static Path h200Profile() {
        return file("profiles/h200-llama3-8b-operators.jsonl");
    }
}
