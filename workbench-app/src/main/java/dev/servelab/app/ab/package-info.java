/**
 * The workbench's A/B view: the comparisons {@code servelab ab} stored in the run store, each with a
 * forest plot of the per-metric differences (relative to the baseline, with their 95 % intervals,
 * coloured by verdict), the gate's result and the paired rounds with their run ids. Reads what the
 * {@code safety} module stored; computes nothing itself.
 */
package dev.servelab.app.ab;
