/**
 * The runs browser: every run in the store, and the comparison of the selected ones as overlaid CDFs and a table
 * of per-metric deltas, or sim against live with the simulation's error in %. Exports the tables as CSV and the
 * charts as PNG through {@code export}.
 */
package dev.servelab.app.runs;
