package dev.servelab.hw.sim;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Simulates a backend from a profile measured on it ({@code servelab calibrate --live}): iteration
 * time from the profile's fitted {@link LinearIterationModel}, KV capacity as measured. This is how
 * a live backend is simulated faithfully, and how sim-vs-live drift is measured.
 */
@Plugin(id = "exec.calibrated", summary = "Simulated: iteration time fitted to a live backend's measured profile",
        source = "ServeLab live calibration")
public final class CalibratedExecutor implements Executor {
    public record Settings(@Setting(summary = "profile JSON written by 'servelab calibrate --live'") String profile) {
        public Settings() {
            this("profile.json");
        }
    }

    private final Settings settings;
    private LiveProfile profile;

    public CalibratedExecutor() {
        this(new Settings());
    }

    public CalibratedExecutor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void attach(ExecutorContext ctx) {
        Path file = ctx.resolve(settings.profile());
        try {
            profile = LiveProfile.read(file);
        } catch (IOException e) {
            throw new ServeLabException("executor.profile: cannot read " + file + ": " + e.getMessage(), e);
        }
        if (profile.blockSizeTokens() != ctx.blockSizeTokens()) {
            throw new ServeLabException("executor.profile: " + file + " was measured with " + profile.blockSizeTokens()
                    + "-token KV blocks, the pool uses " + ctx.blockSizeTokens());
        }
    }

    @Override
    public long iterationNanos(IterationBatch b) {
        double t = profile.fit().predictNanos(b.prefillTokens(), b.decodeTokens(), b.attentionPairs(), b.kvTokensTouched());
        return Math.max(1, Math.round(t));
    }

    /**
     * A speculative pool's verify entries are charged as their k+1 decode tokens by the fitted model;
     * the draft's cost is in the fit when it was refitted to a speculative live run (compare-modes).
     */
    @Override
    public boolean supportsSpeculative() {
        return true;
    }

    @Override
    public int kvCapacityBlocks(int blockSizeTokens) {
        return profile.kvCapacityBlocks();
    }
}
