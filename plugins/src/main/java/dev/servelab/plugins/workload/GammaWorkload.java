package dev.servelab.plugins.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.WorkloadContext;
import dev.servelab.engine.spi.WorkloadGenerator;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Gamma-renewal arrivals: inter-arrival gaps with mean 1/{@code rate_per_s} and coefficient of
 * variation {@code cv} (1 = Poisson, &gt; 1 bursty, &lt; 1 smoother; vLLM's {@code --burstiness} is
 * 1/cv²), optionally modulated (diurnal/periodic swing, bursts) or following a measured
 * {@link RateProfile} (what {@code trace fit} writes), with lengths from
 * {@link LengthDistribution}s. ServeGen (Xiang et al., arXiv:2505.09999) found Gamma fits most
 * production clients' arrivals. Seeded: the same seed gives the same requests.
 */
@Plugin(id = "workload.gamma", summary = "Gamma arrivals with CV (burstiness), modulation and length distributions",
        source = "ServeGen (arXiv:2505.09999); vLLM bench serve --burstiness")
public final class GammaWorkload implements WorkloadGenerator {
    /** Defaults shaped like the Azure 2023 conversation trace. */
    public record Settings(
            @Setting(summary = "base arrival rate", unit = "req/s", min = 1e-9) double ratePerS,
            @Setting(summary = "coefficient of variation of inter-arrival gaps", min = 0) double cv,
            @Setting(summary = "number of requests", unit = "requests", min = 1) long requests,
            @Setting(summary = "stop after this time (0 = no limit)", unit = "s", min = 0) double durationS,
            @Setting(summary = "periodic swing and bursts of the rate") RateModulation modulation,
            @Setting(summary = "measured rate per time bucket; replaces rate_per_s and modulation when given") RateProfile rateProfile,
            @Setting(summary = "prompt length distribution") LengthDistribution input,
            @Setting(summary = "output length distribution") LengthDistribution output,
            @Setting(summary = "tenant of every request (empty = none)") String tenant,
            @Setting(summary = "SLO class of every request (empty = none)") String sloClass) {
        public Settings() {
            this(5.0, 1.1, 1000, 0, RateModulation.NONE, RateProfile.NONE, LengthDistribution.lognormal(1150, 0.8, 2, 14_000),
                    LengthDistribution.lognormal(210, 0.9, 1, 2_000), "", "");
        }
    }

    private final Settings settings;
    private final long seed;

    public GammaWorkload() {
        this(new Settings(), new PluginContext(42, "workload", -1));
    }

    public GammaWorkload(Settings settings, PluginContext context) {
        this.settings = settings;
        this.seed = context.seed();
    }

    @Override
    public RequestStream open(WorkloadContext context) {
        long n = context.requestLimit() > 0 ? Math.min(context.requestLimit(), settings.requests()) : settings.requests();
        long endNanos = settings.durationS() > 0 ? Math.round(settings.durationS() * 1e9) : Long.MAX_VALUE;
        SplittableRandom rng = new SplittableRandom(seed);
        LongSupplier arrivals = arrivals(rng.split());
        LengthSampler in = settings.input().sampler(context.baseDir(), "input");
        LengthSampler out = settings.output().sampler(context.baseDir(), "output");
        String tenant = blankToNull(settings.tenant());
        String slo = blankToNull(settings.sloClass());
        return new RequestStream() {
            long id;

            @Override
            public Request next() {
                if (id >= n) return null;
                long t = arrivals.getAsLong();
                if (t >= endNanos) return null;
                return new Request(id++, t, in.sample(rng), out.sample(rng), null, 0, null, tenant, slo);
            }
        };
    }

    private LongSupplier arrivals(SplittableRandom rng) {
        RateProfile profile = settings.rateProfile();
        if (profile == null || profile.isEmpty()) {
            return new ArrivalProcess(settings.ratePerS(), settings.cv(), settings.modulation(), rng)::next;
        }
        double endS = settings.durationS() > 0 ? settings.durationS() : Double.POSITIVE_INFINITY;
        java.util.function.DoubleSupplier p = profile.arrivals(settings.cv(), endS, rng);
        return () -> {
            double s = p.getAsDouble();
            return Double.isInfinite(s) ? Long.MAX_VALUE : Math.round(s * 1e9);
        };
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
