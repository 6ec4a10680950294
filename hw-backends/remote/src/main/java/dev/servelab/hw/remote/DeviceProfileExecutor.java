package dev.servelab.hw.remote;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Simulates a measured device: an iteration with {@code d} decode tokens and {@code p} prefill
 * tokens takes {@code decodeBaseMs + decodeMsPerSequence · d + prefillMsPerToken · p} (plus
 * {@code prefillBaseMs} when the batch holds only prefill), from a {@link DeviceProfile} that
 * {@code servelab device probe} wrote (a relative path is resolved against the pipeline file's
 * directory); all scaled by {@code slowdown}. KV capacity comes from the
 * profile when the device reported it (a ServeLab agent does). Network round trip is not part of an
 * iteration: it is kept in the profile for routers and hybrid pipelines. Measure one device, then
 * simulate a fleet of them.
 */
@Plugin(id = "exec.device-profile", summary = "Simulated device from a measured device profile (servelab device probe)")
public final class DeviceProfileExecutor implements Executor {
    public record Settings(
            @Setting(summary = "device profile JSON written by 'servelab device probe'") String profile,
            @Setting(summary = "multiplies every predicted time (2 = a device twice as slow)", min = 0.01, max = 1000) double slowdown) {
        public Settings() {
            this("", 1.0);
        }
    }

    private final Settings settings;
    private DeviceProfile profile;

    public DeviceProfileExecutor() {
        this(new Settings());
    }

    public DeviceProfileExecutor(Settings settings) {
        this.settings = settings;
    }

    /** For tests and tools: a profile already in memory. */
    public DeviceProfileExecutor(DeviceProfile profile, double slowdown) {
        this(new Settings("", slowdown));
        this.profile = profile;
    }

    @Override
    public void attach(ExecutorContext context) {
        if (profile != null) return;
        if (settings.profile() == null || settings.profile().isBlank()) {
            throw new ServeLabException("executor.profile: exec.device-profile needs a device profile (a JSON file "
                    + "written by 'servelab device probe')");
        }
        try {
            profile = DeviceRegistry.readProfile(context.resolve(settings.profile()));
        } catch (IOException e) {
            throw new ServeLabException("executor.profile: " + e.getMessage());
        }
    }

    @Override
    public long iterationNanos(IterationBatch batch) {
        double ms = profile.decodeMsPerSequence() * batch.decodeTokens() + profile.prefillMsPerToken() * batch.prefillTokens()
                + (batch.decodeTokens() > 0 ? profile.decodeBaseMs() : Math.max(profile.prefillBaseMs(), profile.decodeBaseMs()));
        return Math.max(1, Math.round(ms * settings.slowdown() * 1e6));
    }

    @Override
    public int kvCapacityBlocks(int blockSizeTokens) {
        return profile.kvCapacityTokens() < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, profile.kvCapacityTokens() / blockSizeTokens);
    }
}
