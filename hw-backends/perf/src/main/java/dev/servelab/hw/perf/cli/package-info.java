/**
 * The command-line face of the performance model, as picocli commands that the engine's
 * {@code servelab} launcher discovers through {@link dev.servelab.hw.perf.cli.PerfCommands}:
 * {@code predict}, {@code calibrate}, {@code fidelity} and {@code catalog}. {@code PerfMain}
 * runs them without the launcher.
 */
package dev.servelab.hw.perf.cli;
