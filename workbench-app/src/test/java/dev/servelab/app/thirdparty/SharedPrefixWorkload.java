package dev.servelab.app.thirdparty;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.WorkloadContext;
import dev.servelab.engine.spi.WorkloadGenerator;

import java.util.SplittableRandom;

/**
 * A stand-in for a third party's plugin, known to the workbench only through its service file: Poisson
 * arrivals whose prompts start with one of a few shared system prompts (chained block hashes), so
 * prefix caching has something to hit. The palette must list it with no workbench code change.
 */
@Plugin(id = "workload.shared-prefix", summary = "Poisson arrivals; prompts share one of a few system prompts",
        source = "test plugin (third-party stand-in)")
public final class SharedPrefixWorkload implements WorkloadGenerator {
    public record Settings(
            @Setting(summary = "mean arrival rate", unit = "req/s", min = 1e-9) double ratePerS,
            @Setting(summary = "number of requests", unit = "requests", min = 1) long requests,
            @Setting(summary = "distinct shared prefixes", min = 1, max = 1_000_000) int prefixes,
            @Setting(summary = "tokens of each shared prefix", unit = "tokens", min = 16) int prefixTokens) {
        public Settings() {
            this(40, 2000, 6, 1024);
        }
    }

    private static final int BLOCK = 16;
    private final Settings settings;
    private final long seed;

    public SharedPrefixWorkload() {
        this(new Settings(), new PluginContext(42, "workload", -1));
    }

    public SharedPrefixWorkload(Settings settings, PluginContext context) {
        this.settings = settings;
        this.seed = context.seed();
    }

    @Override
    public RequestStream open(WorkloadContext context) {
        long n = context.requestLimit() > 0 ? Math.min(context.requestLimit(), settings.requests()) : settings.requests();
        SplittableRandom rng = new SplittableRandom(seed);
        return new RequestStream() {
            long id;
            double t;

            @Override
            public Request next() {
                if (id >= n) return null;
                t += rng.nextExponential() * 1e9 / settings.ratePerS();
                int prefix = (int) Math.min(settings.prefixes() - 1, Math.floor(Math.pow(rng.nextDouble(), 2) * settings.prefixes()));
                int suffix = 32 + rng.nextInt(480);
                int prompt = settings.prefixTokens() + suffix;
                long[] hashes = new long[(prompt + BLOCK - 1) / BLOCK];
                for (int b = 0; b < hashes.length; b++) {
                    boolean shared = (b + 1) * BLOCK <= settings.prefixTokens();
                    hashes[b] = shared ? mix(prefix + 1, b) : mix(-(id + 1), b);
                }
                int output = 1 + (int) (rng.nextExponential() * 150);
                return new Request(id++, (long) t, prompt, output, hashes, BLOCK, null, null, null);
            }
        };
    }

    private static long mix(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }
}
