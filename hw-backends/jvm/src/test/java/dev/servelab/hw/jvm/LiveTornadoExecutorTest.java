package dev.servelab.hw.jvm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without TornadoVM in the JVM, {@code exec.tornadovm} and {@code --backend tornadovm} fail with one clear message. */
class LiveTornadoExecutorTest {
    private static final String MESSAGE = "TornadoVM is not available in this JVM (start ServeLab with TORNADOVM_HOME set;"
            + " see docs/tornadovm.md)";
    @TempDir
    Path dir;

    @Test
    void attachWithoutTornadoVmSaysHowToGetIt() throws Exception {
        TinyModelGenerator.generate(dir.resolve("tiny.gguf"), 3, TinyModelSize.TINY, GgmlType.F32);
        LiveTornadoExecutor exec = new LiveTornadoExecutor(new LiveTornadoExecutor.Settings("tiny.gguf", 4, 0));
        ExecutorContext ctx = new ExecutorContext("gpu", 0, "tiny", "h200", 1, 16, 0.9, 1, dir);
        ServeLabException e = assertThrows(ServeLabException.class, () -> exec.attach(ctx));
        assertTrue(e.getMessage().startsWith("exec.tornadovm: " + MESSAGE), e.getMessage());
    }

    @Test
    void calibrateWithoutTornadoVmSaysHowToGetIt() throws Exception {
        Path model = dir.resolve("tiny.gguf");
        TinyModelGenerator.generate(model, 3, TinyModelSize.TINY, GgmlType.F32);
        ServeLabException e = assertThrows(ServeLabException.class,
                () -> LiveProfiler.measure("tornadovm", model, 16, 4, 1));
        assertTrue(e.getMessage().startsWith("--backend tornadovm: " + MESSAGE), e.getMessage());
    }

    @Test
    void isALiveExecutor() {
        assertTrue(new LiveTornadoExecutor().isLive());
    }
}
