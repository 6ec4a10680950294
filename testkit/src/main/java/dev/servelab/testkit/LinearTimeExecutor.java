package dev.servelab.testkit;

import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;

/**
 * A simulated executor for tests: an iteration takes {@code base_ms + per_token_ms · (prefill + decode
 * tokens)}, rounded to the nanosecond, so expected timings can be worked out by hand. Registered as
 * {@code exec.test-linear} by the test kit's jar, so it is on the class path of tests only.
 */
@Plugin(id = "exec.test-linear", summary = "Test executor: base + per-token iteration time")
public final class LinearTimeExecutor implements Executor {
    public record Settings(@Setting(summary = "per iteration", unit = "ms", min = 0) double baseMs,
                           @Setting(summary = "per token", unit = "ms", min = 0) double perTokenMs) {
        public Settings() {
            this(10, 0);
        }
    }

    private final Settings settings;

    public LinearTimeExecutor() {
        this(new Settings());
    }

    public LinearTimeExecutor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void attach(ExecutorContext context) {
    }

    @Override
    public long iterationNanos(IterationBatch b) {
        return Math.round((settings.baseMs() + settings.perTokenMs() * (b.prefillTokens() + b.decodeTokens())) * 1e6);
    }
}
