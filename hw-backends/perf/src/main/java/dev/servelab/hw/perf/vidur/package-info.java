/**
 * Compatibility with Vidur (microsoft/vidur, MIT): its per-layer latency tables and the arithmetic
 * its execution-time predictor applies to a batch, so a Vidur case runs unchanged in ServeLab, and
 * its raw profiling CSVs, so a device can be calibrated from a Vidur profile. The field-by-field
 * mapping is in {@code docs/FIDELITY.md}.
 */
package dev.servelab.hw.perf.vidur;
