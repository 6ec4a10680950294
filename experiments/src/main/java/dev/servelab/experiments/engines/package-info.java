/**
 * Where a sweep's points run: a {@link dev.servelab.experiments.engines.SweepEngine}, found with
 * {@link java.util.ServiceLoader}. {@code local} ({@link dev.servelab.experiments.engines.LocalEngine}) runs
 * them on all cores of this machine, one single-threaded simulation per core; {@code spark} comes from the
 * optional {@code servelab-experiments-spark} jars, found at run time by
 * {@link dev.servelab.experiments.engines.SweepEngines} the way plugin jars are, so Spark never sits on the
 * launcher's class path.
 */
package dev.servelab.experiments.engines;
