package dev.servelab.hw.agent;

import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the generated tiny GGUF model (seed 42) for agent tests. */
public final class TinyAgentFixture {
    private TinyAgentFixture() {
    }

    public static Path tinyModel(Path dir) throws IOException {
        Path model = dir.resolve("tiny.gguf");
        TinyModelGenerator.generate(model, 42, TinyModelSize.TINY, GgmlType.F32);
        return model;
    }
}
