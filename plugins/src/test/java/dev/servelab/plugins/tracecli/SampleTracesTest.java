package dev.servelab.plugins.tracecli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample traces are exactly what their README's commands regenerate (same seed, same bytes). */
class SampleTracesTest {
    private static final Path SAMPLES = Path.of("../sample-traces");
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"azure-conv-like, azure-conv-like.csv, trace.azure-2023",
            "azure-code-like, azure-code-like.csv, trace.azure-2023",
            "mooncake-like, mooncake-like.jsonl, trace.mooncake"})
    void regeneratesByteForByte(String generator, String file, String format) throws IOException {
        Path out = dir.resolve(file);
        TraceCli r = TraceCli.run("trace", "generate", SAMPLES.resolve("generators/" + generator + ".yaml").toString(),
                "--out", out.toString(), "--to", format, "--seed", "42");
        assertEquals(0, r.exit(), r.err());
        Path committed = SAMPLES.resolve(file);
        assertTrue(Files.size(committed) <= 1_000_000, "sample traces stay under 1 MB");
        assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(out), file + " differs from its regeneration");
    }
}
