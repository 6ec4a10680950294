/**
 * The command-line face of the performance model, as picocli commands that the engine's
 * {@code servelab} launcher discovers through {@link dev.servelab.hw.perf.cli.PerfCommands}:
 * {@code predict}, {@code calibrate}, {@code fidelity} and {@code catalog}. {@code PerfMain}
 * runs them without the launcher. Nothing imports this package back. {@code calibrate --live} needs
 * a live backend, which lives in a module above this one: it is reached through the
 * {@link dev.servelab.hw.perf.cli.LiveCalibrator} service that module registers.
 */
package dev.servelab.hw.perf.cli;
