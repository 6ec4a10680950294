package dev.servelab.hw.sim;

import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;

/**
 * A linear iteration-time model: {@code base + per_prefill_token · prefill tokens + per_decode_token ·
 * decode tokens}. Useful for teaching (results can be worked out by hand), for checking a scheduler's
 * logic independently of any hardware, and for fitting simple measured profiles. It cannot size the
 * KV cache, so the pipeline gives {@code capacity_blocks}.
 */
@Plugin(id = "exec.constant", summary = "Linear iteration time: base + per-token costs (hand-checkable)")
public final class ConstantExecutor implements Executor {
    public record Settings(
            @Setting(summary = "time of every iteration", unit = "ms", min = 0) double baseMs,
            @Setting(summary = "extra time per prefill token", unit = "ms", min = 0) double perPrefillTokenMs,
            @Setting(summary = "extra time per decode token", unit = "ms", min = 0) double perDecodeTokenMs) {
        public Settings() {
            this(10, 0, 0);
        }
    }

    private final Settings settings;

    public ConstantExecutor() {
        this(new Settings());
    }

    public ConstantExecutor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void attach(ExecutorContext context) {
    }

    @Override
    public long iterationNanos(IterationBatch batch) {
        double ms = settings.baseMs() + settings.perPrefillTokenMs() * batch.prefillTokens()
                + settings.perDecodeTokenMs() * batch.decodeTokens();
        return Math.round(ms * 1e6);
    }
}
