package dev.servelab.plugins.workload;

import dev.servelab.engine.spi.Setting;

/**
 * One tenant of a {@link TenantMixWorkload}: its own arrival process, lengths and SLO class. Numbers are
 * boxed so that keys may be left out inside the tenant list (cv defaults to 1, Poisson).
 */
public record TenantSpec(
        @Setting(summary = "tenant name") String name,
        @Setting(summary = "SLO class of its requests (e.g. interactive, batch)") String sloClass,
        @Setting(summary = "arrival rate", unit = "req/s", min = 1e-9) Double ratePerS,
        @Setting(summary = "coefficient of variation of inter-arrival gaps", min = 0) Double cv,
        @Setting(summary = "prompt length distribution") LengthDistribution input,
        @Setting(summary = "output length distribution") LengthDistribution output) {

    public TenantSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("every tenant needs a name");
        if (cv == null) cv = 1.0;
        if (ratePerS == null || !(ratePerS > 0)) throw new IllegalArgumentException("tenant " + name + ": rate_per_s must be > 0");
        if (cv < 0) throw new IllegalArgumentException("tenant " + name + ": cv must be >= 0");
        if (input == null) input = LengthDistribution.lognormal(1000, 1, 1, 32_000);
        if (output == null) output = LengthDistribution.lognormal(200, 1, 1, 4_000);
    }
}
