package dev.servelab.hw.perf.cli;

import dev.servelab.engine.ServeLabException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * {@code calibrate --live}: measures a live backend and writes the profile {@code exec.calibrated}
 * simulates. The live backends live in a module above this one ({@code hw-backends/jvm}), which
 * registers its implementation in {@code META-INF/services/dev.servelab.hw.perf.cli.LiveCalibrator};
 * the performance model stays free of them.
 */
public interface LiveCalibrator {
    /** Measures {@code backend} running {@code model} and writes the profile to {@code out} (null: beside the model). */
    int run(PrintWriter out, String backend, Path model, Path profileOut) throws IOException;

    /** The registered calibrator; the error says which module brings one. */
    static LiveCalibrator find() {
        return ServiceLoader.load(LiveCalibrator.class, LiveCalibrator.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new ServeLabException(
                        "calibrate --live needs the JVM backend (module servelab-hw-jvm) on the class path"));
    }
}
