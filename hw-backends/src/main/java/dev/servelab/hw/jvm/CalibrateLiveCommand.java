package dev.servelab.hw.jvm;

import dev.servelab.engine.ServeLabException;
import dev.servelab.hw.sim.LiveProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code servelab calibrate --live --backend jvm --model FILE.gguf}: measures the live backend on
 * probe batches and writes a profile that {@code exec.calibrated} simulates.
 */
@Command(name = "calibrate-live", mixinStandardHelpOptions = true,
        description = "Measure a live backend and write a profile the simulator uses (exec.calibrated).")
public final class CalibrateLiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--backend", defaultValue = "jvm", description = "Live backend (default ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--model", required = true, paramLabel = "FILE.gguf", description = "GGUF model")
    Path model;

    @Option(names = "--block-size", defaultValue = "16", description = "KV block size in tokens (default ${DEFAULT-VALUE})")
    int blockSize;

    @Option(names = "--kv-budget-mib", defaultValue = "64", description = "KV cache memory (default ${DEFAULT-VALUE} MiB)")
    long kvBudgetMib;

    @Option(names = "--repeats", defaultValue = "5", description = "Measurements per probe batch (median taken)")
    int repeats;

    @Option(names = "--out", paramLabel = "FILE", description = "Profile to write (default: <model>.profile.json)")
    Path out;

    @Override
    public Integer call() throws IOException {
        LiveProfile p = run(backend, model, blockSize, kvBudgetMib, repeats);
        Path target = out != null ? out : Path.of(model + ".profile.json");
        p.write(target);
        var f = p.fit();
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: base %.3f ms, %.4f ms/prefill token, %.4f ms/decode token,"
                        + " %.3g ms/attention pair, %.3g ms/KV token; R² %.4f over %d probe batches; %d KV blocks%n",
                target, f.baseNanos() / 1e6, f.perPrefillTokenNanos() / 1e6, f.perDecodeTokenNanos() / 1e6,
                f.perAttentionPairNanos() / 1e6, f.perKvTokenNanos() / 1e6, f.r2(), f.samples(), p.kvCapacityBlocks());
        return 0;
    }

    static LiveProfile run(String backend, Path model, int blockSize, long kvBudgetMib, int repeats) throws IOException {
        if (!backend.equals("jvm")) {
            throw new ServeLabException("--backend " + backend + ": only the jvm backend can be calibrated in this build");
        }
        if (!Files.isReadable(model)) throw new ServeLabException(model + ": model file not found");
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(model, blockSize, kvBudgetMib << 20)) {
            return new LiveCalibration(exec, repeats).run(model);
        }
    }
}
