/**
 * The {@code servelab trace} commands. {@code stats} prints a {@link
 * dev.servelab.plugins.traceprofile.TraceProfile} of a trace (length percentiles, arrival rate and
 * burstiness, unlimited-cache prefix reuse). {@code fit} turns such a profile into a {@code
 * workload.gamma} node (mean rate, inter-arrival CV, empirical inverse-CDF length tables), checks it
 * by generating as many requests and comparing, and can draw the comparison. {@code generate} and
 * {@code convert} write workloads and transformed traces in the Azure, Mooncake or Vidur layouts.
 * A command package: nothing in the plugins module imports it.
 */
package dev.servelab.plugins.tracecli;
