/**
 * Plots of experiments, drawn with plain Java2D and written with ImageIO (no JavaFX, no chart library,
 * so they render headless): the Pareto chart of two metrics
 * ({@link dev.servelab.experiments.plot.ParetoPlot}) over the frontier that
 * {@link dev.servelab.experiments.plot.Pareto} computes, and a heat map of two axes against a metric
 * ({@link dev.servelab.experiments.plot.HeatMapPlot}).
 */
package dev.servelab.experiments.plot;
