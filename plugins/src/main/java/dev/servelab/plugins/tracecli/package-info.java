/**
 * The {@code servelab trace} commands and the analysis behind them. {@code stats} streams a trace once
 * into exact length histograms ({@link dev.servelab.plugins.tracecli.TokenHistogram}; percentiles
 * interpolated as numpy does, so they equal the figures in the shared traces' SOURCE.md), per-minute
 * arrival counts and, for traces with chained prefix hashes, the prefix hit ratio of an unlimited cache
 * (the measure of the Mooncake FAST'25 release). {@code fit} turns those into a {@code workload.gamma}
 * node (mean rate, inter-arrival CV, empirical inverse-CDF length tables), checks it by generating as
 * many requests and comparing, and can draw the comparison. {@code generate} and {@code convert}
 * write workloads and transformed traces in the Azure, Mooncake or Vidur layouts.
 */
package dev.servelab.plugins.tracecli;
