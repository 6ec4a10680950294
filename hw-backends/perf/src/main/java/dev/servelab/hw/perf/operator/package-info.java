/**
 * What one iteration computes, independent of the hardware: the {@link dev.servelab.hw.perf.operator.Operator}s
 * of a transformer layer, their FLOPs and bytes for a model and batch shape
 * ({@link dev.servelab.hw.perf.operator.OperatorCosts}, after Vidur's operator decomposition), the
 * {@link dev.servelab.hw.perf.operator.IterationShape} a scheduler produces, and the
 * {@link dev.servelab.hw.perf.operator.Deployment} (parallelism and dtypes) a model runs with. Timing
 * these on a device is {@link dev.servelab.hw.perf.PerformanceModel}'s job, above this package.
 */
package dev.servelab.hw.perf.operator;
