package dev.servelab.plugins.workload;

import dev.servelab.engine.model.SplitMix64;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.WorkloadContext;
import dev.servelab.engine.spi.WorkloadGenerator;

import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A multi-tenant mix: each tenant has its own Gamma arrival process (rate, CV), length distributions
 * and SLO class, and the streams are merged in arrival order (ties by tenant order), each request
 * carrying {@code tenant} and {@code slo_class} for admission, routing and per-class goodput.
 * Tenant {@code i} draws from its own seeded generator, so adding a tenant does not change the others.
 */
@Plugin(id = "workload.mix", summary = "Multi-tenant mix with per-tenant rate, CV, lengths and SLO class",
        source = "ServeGen (arXiv:2505.09999) per-client composition")
public final class TenantMixWorkload implements WorkloadGenerator {
    public record Settings(
            @Setting(summary = "number of requests (all tenants)", unit = "requests", min = 1) long requests,
            @Setting(summary = "the tenants") List<TenantSpec> tenants) {
        public Settings() {
            this(2000, List.of(
                    new TenantSpec("chat", "interactive", 4.0, 1.5, LengthDistribution.lognormal(1150, 0.8, 2, 14_000),
                            LengthDistribution.lognormal(210, 0.9, 1, 2_000)),
                    new TenantSpec("code", "interactive", 2.0, 3.0, LengthDistribution.lognormal(2050, 0.9, 3, 7_500),
                            LengthDistribution.lognormal(28, 2.5, 6, 1_900)),
                    new TenantSpec("batch", "batch", 1.0, 1.0, LengthDistribution.lognormal(3000, 0.5, 100, 16_000),
                            LengthDistribution.lognormal(500, 0.5, 10, 4_000))));
        }

        public Settings {
            if (tenants == null || tenants.isEmpty()) throw new IllegalArgumentException("a mix needs at least one tenant");
        }
    }

    private record Pending(long arrivalNanos, int tenant) {
    }

    private final Settings settings;
    private final long seed;

    public TenantMixWorkload() {
        this(new Settings(), new PluginContext(42, "workload", -1));
    }

    public TenantMixWorkload(Settings settings, PluginContext context) {
        this.settings = settings;
        this.seed = context.seed();
    }

    @Override
    public RequestStream open(WorkloadContext context) {
        long n = context.requestLimit() > 0 ? Math.min(context.requestLimit(), settings.requests()) : settings.requests();
        List<TenantSpec> tenants = settings.tenants();
        SplittableRandom[] rngs = new SplittableRandom[tenants.size()];
        ArrivalProcess[] arrivals = new ArrivalProcess[tenants.size()];
        LengthSampler[][] lengths = new LengthSampler[tenants.size()][];
        PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.arrivalNanos != b.arrivalNanos
                ? Long.compare(a.arrivalNanos, b.arrivalNanos) : Integer.compare(a.tenant, b.tenant));
        for (int i = 0; i < rngs.length; i++) {
            TenantSpec t = tenants.get(i);
            rngs[i] = new SplittableRandom(SplitMix64.mix(seed + 0x51_7E4A_47L * (i + 1)));
            arrivals[i] = new ArrivalProcess(t.ratePerS(), t.cv(), null, rngs[i].split());
            lengths[i] = new LengthSampler[]{t.input().sampler(context.baseDir(), "input"), t.output().sampler(context.baseDir(), "output")};
            queue.add(new Pending(arrivals[i].next(), i));
        }
        return new RequestStream() {
            long id;

            @Override
            public Request next() {
                if (id >= n) return null;
                Pending p = queue.poll();
                int i = p.tenant();
                TenantSpec t = tenants.get(i);
                queue.add(new Pending(arrivals[i].next(), i));
                return new Request(id++, p.arrivalNanos(), lengths[i][0].sample(rngs[i]), lengths[i][1].sample(rngs[i]),
                        null, 0, null, t.name(), GammaWorkload.blankToNull(t.sloClass()));
            }
        };
    }
}
