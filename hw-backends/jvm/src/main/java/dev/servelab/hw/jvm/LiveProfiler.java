package dev.servelab.hw.jvm;

import dev.servelab.engine.ServeLabException;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.tiny.GeneratedModels;
import dev.servelab.hw.sim.LiveProfile;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a live backend on a model and measures its profile ({@code servelab calibrate --live}, {@code compare-modes}). */
public final class LiveProfiler {
    private LiveProfiler() {
    }

    public static LiveProfile measure(String backend, Path model, int blockSizeTokens, long kvBudgetMib, int repeats)
            throws IOException {
        if (!backend.equals("jvm") && !backend.equals(LiveKernelBackends.TORNADOVM)) {
            throw new ServeLabException("--backend " + backend + ": expected jvm or tornadovm");
        }
        GeneratedModels.ensure(model, "model_file", System.err::println);
        KernelBackend kernels = LiveKernelBackends.open("--backend " + backend, backend, model);
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(model, blockSizeTokens, kvBudgetMib << 20, kernels)) {
            return new LiveCalibration(exec, repeats).run(model);
        }
    }
}
