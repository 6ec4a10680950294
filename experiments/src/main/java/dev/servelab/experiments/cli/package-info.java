/**
 * The experiment commands, added to {@code servelab} through the engine's
 * {@link dev.servelab.engine.cli.CommandProvider}: {@code sweep run|list|show|export|pareto} and
 * {@code capacity}. Bad input is one line naming the sweep file and field, exit status 2; Ctrl-C during
 * {@code sweep run} marks the experiment cancelled (exit 130) with its finished points stored.
 */
package dev.servelab.experiments.cli;
