/**
 * Built-in synthetic workload generators (ids {@code workload.*}); each is seeded from
 * {@link dev.servelab.engine.spi.PluginContext#seed()} and gives identical requests for the same seed.
 *
 * <p>Arrivals: Poisson; Gamma renewal with a coefficient of variation ({@link
 * dev.servelab.plugins.workload.GammaSampler}, Marsaglia and Tsang 2000), optionally modulated by a
 * periodic (diurnal) swing and bursts ({@link dev.servelab.plugins.workload.RateModulation}) or
 * following a measured per-bucket rate profile ({@link dev.servelab.plugins.workload.RateProfile},
 * what {@code servelab trace fit} writes). Lengths: {@link dev.servelab.plugins.workload.LengthDistribution}
 * (fixed, uniform, exponential, lognormal, Zipf, empirical tables or a trace's lengths). Composition:
 * multi-tenant mixes with SLO classes ({@link dev.servelab.plugins.workload.TenantMixWorkload}),
 * multi-turn sessions whose shared system prompts and growing history yield chained prefix-block
 * hashes ({@link dev.servelab.plugins.workload.SessionWorkload}, {@link
 * dev.servelab.plugins.workload.ChainedBlockHashes}; the reuse Mooncake, FAST 2025, and vLLM's
 * automatic prefix caching exploit), and the per-client characterisation of ServeGen (Xiang et al.,
 * arXiv:2505.09999; {@link dev.servelab.plugins.workload.ServeGenWorkload}).
 */
package dev.servelab.plugins.workload;
