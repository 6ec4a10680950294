/**
 * The statistics of a paired A/B comparison: a percentile bootstrap over rounds for the interval of
 * the mean paired difference ({@link dev.servelab.safety.stats.PairedBootstrap}), the Wilcoxon
 * signed-rank test of commons-math3 for the p-value ({@link dev.servelab.safety.stats.SignedRankTest}),
 * the Benjamini–Hochberg adjustment across the metrics of one comparison
 * ({@link dev.servelab.safety.stats.FalseDiscovery}) and the direction-aware verdict
 * ({@link dev.servelab.safety.stats.Verdict}). No engine types: numbers in, numbers out.
 */
package dev.servelab.safety.stats;
