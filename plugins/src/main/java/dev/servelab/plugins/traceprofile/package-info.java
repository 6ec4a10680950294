/**
 * What one pass over a request stream measures, shared by the {@code servelab trace} commands and by
 * the generators that draw lengths from a trace: exact token-length histograms ({@link
 * dev.servelab.plugins.traceprofile.TokenHistogram}; percentiles interpolated as numpy does, so they
 * equal the figures in the shared traces' SOURCE.md), per-minute arrival counts and inter-arrival CVs
 * ({@link dev.servelab.plugins.traceprofile.ArrivalCounter}) and, for traces with chained prefix
 * hashes, the prefix hit ratio of an unlimited cache ({@link dev.servelab.plugins.traceprofile.PrefixReuse},
 * the measure of the Mooncake FAST'25 release), gathered in a {@link
 * dev.servelab.plugins.traceprofile.TraceProfile}. It depends on the engine's model and SPI only, so
 * both {@code tracecli} and {@code workload} may use it without depending on each other.
 */
package dev.servelab.plugins.traceprofile;
