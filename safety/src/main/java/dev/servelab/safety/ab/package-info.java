/**
 * The A/B comparison behind {@code servelab ab}: {@link dev.servelab.safety.ab.AbRunner} runs the two
 * pipelines round by round on the same workload through the engine into the run store,
 * {@link dev.servelab.safety.ab.AbAnalysis} turns the paired figures into per-metric comparisons and
 * checks the gate, and {@link dev.servelab.safety.ab.ComparisonStore} links the runs to the comparison
 * in the same SQLite file (its own tables, created by this module).
 */
package dev.servelab.safety.ab;
