package dev.servelab.plugins.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.WorkloadContext;
import dev.servelab.engine.spi.WorkloadGenerator;
import dev.servelab.engine.workload.LengthSpec;

import java.util.SplittableRandom;

/**
 * Poisson arrivals (exponential inter-arrival times at {@code rate_per_s}) with independent prompt
 * and output lengths drawn from configurable distributions; seeded, so the same seed gives the same
 * requests. This is the workload of vLLM's {@code bench serve --request-rate R} with burstiness 1.
 */
@Plugin(id = "workload.poisson", summary = "Poisson arrivals with configurable length distributions",
        source = "vLLM bench serve (burstiness 1)")
public final class PoissonWorkload implements WorkloadGenerator {
    /** Defaults shaped like the Azure 2023 conversation trace (mean 1,155 input / 211 output tokens). */
    public record Settings(
            @Setting(summary = "mean arrival rate", unit = "req/s", min = 1e-9) double ratePerS,
            @Setting(summary = "number of requests", unit = "requests", min = 1) long requests,
            @Setting(summary = "prompt length distribution") LengthSpec input,
            @Setting(summary = "output length distribution") LengthSpec output) {
        public Settings() {
            this(5.0, 1000, new LengthSpec("lognormal", 1150, 0.8, 2, 14_000),
                    new LengthSpec("lognormal", 210, 0.9, 1, 2_000));
        }
    }

    private final Settings settings;
    private final long seed;

    public PoissonWorkload() {
        this(new Settings(), new PluginContext(42, "workload", -1));
    }

    public PoissonWorkload(Settings settings, PluginContext context) {
        this.settings = settings;
        this.seed = context.seed();
    }

    @Override
    public RequestStream open(WorkloadContext context) {
        long n = context.requestLimit() > 0 ? Math.min(context.requestLimit(), settings.requests()) : settings.requests();
        SplittableRandom rng = new SplittableRandom(seed);
        double meanGapNanos = 1e9 / settings.ratePerS();
        return new RequestStream() {
            long id;
            double t;

            @Override
            public Request next() {
                if (id >= n) return null;
                t += rng.nextExponential() * meanGapNanos;
                return Request.of(id++, (long) t, settings.input().sample(rng), settings.output().sample(rng));
            }
        };
    }
}
