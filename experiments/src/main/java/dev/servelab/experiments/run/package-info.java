/**
 * Running a sweep as an experiment: {@link dev.servelab.experiments.run.SweepRunner} plans the points,
 * finds or creates the experiment (resuming the same sweep's stored points), hands the rest to an engine,
 * stores each point as it completes with progress on stderr, and marks the experiment completed or, on
 * Ctrl-C, cancelled. {@link dev.servelab.experiments.run.SweepReport} is the JSON of {@code sweep run --json}
 * and {@code sweep show}.
 */
package dev.servelab.experiments.run;
