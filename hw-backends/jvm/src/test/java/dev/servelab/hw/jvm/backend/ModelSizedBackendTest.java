package dev.servelab.hw.jvm.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live model small enough for the caches runs on one thread; larger ones on all processors. */
class ModelSizedBackendTest {
    @TempDir
    Path dir;

    @Test
    void theTinyModelRunsOnTheCallerAlone() throws Exception {
        Path tiny = dir.resolve("tiny.gguf");
        TinyModelGenerator.generate(tiny, 1, TinyModelSize.TINY, GgmlType.F32);
        try (JvmKernelBackend b = JvmKernelBackend.forModel(tiny)) {
            assertTrue(b.describe().endsWith("threads=1"), b.describe());
        }
    }

    @Test
    void aLargerModelFileUsesEveryProcessor() throws Exception {
        Path big = dir.resolve("big.gguf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(JvmKernelBackend.SMALL_MODEL_BYTES + 1);
        }
        try (JvmKernelBackend b = JvmKernelBackend.forModel(big)) {
            assertTrue(b.describe().endsWith("threads=" + Runtime.getRuntime().availableProcessors()), b.describe());
        }
        try (JvmKernelBackend b = JvmKernelBackend.forModel(dir.resolve("missing.gguf"));
             JvmKernelBackend best = JvmKernelBackend.best()) {
            assertEquals(best.describe(), b.describe(), "unknown size: the default");
        }
    }
}
