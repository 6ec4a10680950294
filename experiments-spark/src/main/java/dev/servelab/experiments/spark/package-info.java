/**
 * The sweep engine {@code spark}: a sweep's points as one Apache Spark job. Each task simulates its
 * points into a run store of its own (a temporary file on the executor) and returns the results with
 * the runs' rows; the driver stores them in the sweep's store exactly as the local engine's points. The
 * same point gives the same metrics on either engine, since each is the same single-threaded,
 * seeded simulation.
 */
package dev.servelab.experiments.spark;
