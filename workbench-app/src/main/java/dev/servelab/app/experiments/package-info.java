/**
 * The Experiments tab: the experiments stored in the run store (sweeps run with {@code servelab sweep run}),
 * a sortable table of an experiment's points, and a scatter chart of any two metrics with feasible points
 * highlighted, the others greyed and the Pareto frontier of the feasible ones drawn; double-clicking a
 * point opens its run. Reads through the experiments module's {@code ExperimentStore}; runs nothing itself.
 */
package dev.servelab.app.experiments;
