package dev.servelab.hw.jvm.tiny;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.hw.jvm.LiveJvmExecutor;
import dev.servelab.hw.jvm.gguf.GgmlType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated models are made on first use where a pipeline names them: the same code path as live-100m's
 * {@code llama-100m.gguf}, exercised with {@code tiny.gguf} (the 100m model takes minutes on two cores).
 */
class GeneratedModelsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingTinyModelIsGeneratedWithNoticeAndProgressAsTheCommandWouldWriteIt() throws Exception {
        Path file = dir.resolve("models/tiny.gguf");
        List<String> lines = new ArrayList<>();
        assertEquals(file, GeneratedModels.ensure(file, "executor.model_file", lines::add));
        assertTrue(lines.getFirst().startsWith("servelab: " + file + " not found: generating"), lines.getFirst());
        assertTrue(lines.getFirst().contains("not found: generating it on first use (tiny parameters, seed 42"), lines.getFirst());
        assertTrue(lines.contains("servelab: generating tiny.gguf: layer 2/2"), lines.toString());
        assertTrue(lines.getLast().startsWith("servelab: wrote " + file), lines.getLast());
        Path byCommand = dir.resolve("cmd.gguf");
        TinyModelGenerator.generate(byCommand, 42, TinyModelSize.TINY, GgmlType.F32);
        assertArrayEquals(Files.readAllBytes(byCommand), Files.readAllBytes(file));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no .part file left behind");
        }
        lines.clear();
        GeneratedModels.ensure(file, "executor.model_file", lines::add);
        assertTrue(lines.isEmpty(), "an existing file is used as it is: " + lines);
    }

    @Test
    void theShippedTinyModelIsWhatFirstUseWrites() throws Exception {
        Path shipped = Path.of("../../sample-traces/models/tiny.gguf");
        assumeTrue(Files.isReadable(shipped), "sample-traces not beside the module");
        Path file = dir.resolve("tiny.gguf");
        GeneratedModels.ensure(file, "f", s -> { });
        assertArrayEquals(Files.readAllBytes(shipped), Files.readAllBytes(file));
    }

    @Test
    void live100mRecipeIsTheDocumentedCommand() {
        GeneratedModels.Recipe r = GeneratedModels.recipe(Path.of("x/llama-100m.gguf"));
        assertEquals(TinyModelSize.M100, r.size());
        assertEquals("./servelab model tiny --size 100m --out m/llama-100m.gguf --seed 1", r.command(Path.of("m/llama-100m.gguf")));
    }

    @Test
    void otherNamesAndUnwritableFoldersGiveOneClearLine() throws Exception {
        ServeLabException unknown = assertThrows(ServeLabException.class,
                () -> GeneratedModels.ensure(dir.resolve("llama-3.2-1b.gguf"), "executor.model_file", s -> { }));
        assertTrue(unknown.getMessage().startsWith("executor.model_file: " + dir.resolve("llama-3.2-1b.gguf") + " not found"),
                unknown.getMessage());
        Path blocker = dir.resolve("plain-file");
        Files.writeString(blocker, "not a folder");
        ServeLabException cannot = assertThrows(ServeLabException.class,
                () -> GeneratedModels.ensure(blocker.resolve("llama-100m.gguf"), "executor.model_file", s -> { }));
        assertTrue(cannot.getMessage().contains("cannot be generated"), cannot.getMessage());
        assertTrue(cannot.getMessage().endsWith("--size 100m --out " + blocker.resolve("llama-100m.gguf") + " --seed 1"),
                cannot.getMessage());
        assertFalse(Files.exists(blocker.resolve("llama-100m.gguf")));
    }

    @Test
    void theLiveExecutorGeneratesThePipelinesModelOnAttach() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        LiveJvmExecutor exec = new LiveJvmExecutor(new LiveJvmExecutor.Settings("../models/tiny.gguf", 8, 0, 0));
        try {
            exec.attach(new ExecutorContext("jvm", 0, "tiny", "this-cpu", 1, 16, 0.9, 1, dir.resolve("pipelines")));
            assertTrue(exec.kvCapacityBlocks(16) > 0);
        } finally {
            System.setErr(saved);
        }
        assertTrue(Files.isReadable(dir.resolve("models/tiny.gguf")));
        assertTrue(err.toString().contains("generating it on first use"), err.toString());
    }
}
