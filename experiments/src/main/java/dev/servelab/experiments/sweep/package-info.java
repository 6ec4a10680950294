/**
 * The sweep model: a {@code SWEEP.yaml} names a base pipeline and the pipeline fields to vary by the
 * dotted paths of {@code run --set} ({@link dev.servelab.experiments.sweep.Axis}), how to pick points
 * from their product ({@link dev.servelab.experiments.sweep.Search}: grid, random or Latin hypercube),
 * what a good point must satisfy ({@link dev.servelab.experiments.sweep.Constraint}), what to optimise
 * ({@link dev.servelab.experiments.sweep.Objective}) and how many GPUs it may use
 * ({@link dev.servelab.experiments.sweep.Budget}). {@link dev.servelab.experiments.sweep.SweepReader}
 * checks every field and value before anything runs, naming the sweep file and the field.
 */
package dev.servelab.experiments.sweep;
