/**
 * The Experiments tab. {@link dev.servelab.app.experiments.ExperimentDraft} is the experiment being composed
 * for the pipeline open in the editor: axes (added by "Vary" in the property sheet, or typed), constraints,
 * objective, seeds and search, written as the same {@code SWEEP.yaml} tree the command line reads.
 * {@link dev.servelab.app.experiments.ExperimentsViewModel} runs it on a thread of its own through the
 * experiments module's {@code SweepRunner} and local engine (no sweep logic of its own), fills the points as
 * they are stored, cancels, and reads stored experiments off the JavaFX thread.
 * {@link dev.servelab.app.experiments.ExperimentsView} shows the composer, a sortable points table, a Pareto
 * chart of any two metrics ({@link dev.servelab.app.experiments.ParetoChart}: feasible points highlighted,
 * the others greyed, the frontier drawn) and a heat map of two varied fields against a metric
 * ({@link dev.servelab.app.experiments.AxisHeatMap}); clicking a point opens its run in the SLA view.
 */
package dev.servelab.app.experiments;
