package dev.servelab.hw.jvm;

import dev.servelab.hw.perf.cli.LiveCalibrator;
import dev.servelab.hw.sim.LinearIterationModel;
import dev.servelab.hw.sim.LiveProfile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code calibrate --live}: measures a live backend ({@code jvm}, or {@code tornadovm} when present)
 * on probe batches ({@link LiveProfiler}) and writes its profile. Registered for the performance
 * model's {@code calibrate} command through {@link java.util.ServiceLoader}, so that module needs no
 * live backend.
 */
public final class JvmLiveCalibrator implements LiveCalibrator {
    @Override
    public int run(PrintWriter o, String backend, Path model, Path out) throws IOException {
        LiveProfile p = LiveProfiler.measure(backend, model, 16, 64, 7);
        Path target = out != null ? out : Path.of(model + ".profile.json");
        p.write(target);
        LinearIterationModel f = p.fit();
        o.printf(Locale.ROOT, "wrote %s: base %.3f ms, %.4f ms/prefill token, %.4f ms/decode token, %.3g ms/attention pair,"
                        + " %.3g ms/KV token; R² %.4f over %d probe batches; %d KV blocks of %d tokens%n",
                target, f.baseNanos() / 1e6, f.perPrefillTokenNanos() / 1e6, f.perDecodeTokenNanos() / 1e6,
                f.perAttentionPairNanos() / 1e6, f.perKvTokenNanos() / 1e6, f.r2(), f.samples(), p.kvCapacityBlocks(),
                p.blockSizeTokens());
        return 0;
    }
}
