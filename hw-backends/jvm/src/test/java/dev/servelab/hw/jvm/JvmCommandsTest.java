package dev.servelab.hw.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.cli.CommandProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The 'model' command is found through the engine's CommandProvider SPI and runs end to end. */
class JvmCommandsTest {
    @TempDir
    Path dir;

    @Test
    void modelCommandIsRegisteredAndGeneratesText() throws Exception {
        CommandProvider provider = ServiceLoader.load(CommandProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(JvmCommands.class::isInstance).findFirst().orElseThrow();
        Object model = provider.commands().getFirst();
        assertEquals("model", new CommandLine(model).getCommandName());

        Path file = dir.resolve("tiny.gguf");
        assertEquals(0, new CommandLine(model).execute("tiny", "--out", file.toString()));
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            assertEquals(0, new CommandLine(new ModelCommand()).execute("generate", "--model", file.toString(),
                    "--prompt", "The cache", "--tokens", "8"));
        } finally {
            System.setOut(saved);
        }
        assertTrue(captured.toString().startsWith("The cache"), captured.toString());
    }

    @Test
    void missingModelFileIsAnErrorMessageNotAStackTrace() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            assertEquals(2, new CommandLine(new ModelCommand()).execute("generate", "--model", "nope.gguf"), "bad input: exit 2");
        } finally {
            System.setErr(saved);
        }
        assertEquals("model generate: nope.gguf: no such file", captured.toString().strip());
    }

    @Test
    void aMalformedModelIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.gguf");
        java.nio.file.Files.write(bad, "GGUF then nothing sensible".getBytes());
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            assertEquals(2, new CommandLine(new ModelCommand()).execute("generate", "--model", bad.toString()));
        } finally {
            System.setErr(saved);
        }
        String err = captured.toString().strip();
        assertTrue(err.startsWith("model generate: ") && err.contains("bad.gguf") && !err.contains("\n"), err);
    }
}
