/**
 * Measured operator profiles and what is done with them: reading the JSON-lines format,
 * interpolating measured points (log-log, never extrapolating), fitting a device's efficiency
 * curves by Levenberg-Marquardt (commons-math3), and the fidelity report of predicted versus
 * measured times that {@code docs/FIDELITY.md} publishes.
 */
package dev.servelab.hw.perf.profile;
