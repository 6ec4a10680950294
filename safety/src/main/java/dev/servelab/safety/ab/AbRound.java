package dev.servelab.safety.ab;

/**
 * One paired round: the workload seed both arms ran with, the workload it replayed (a trace window or
 * a generator), and the two runs.
 */
public record AbRound(int index, long seed, String workload, ArmRun baseline, ArmRun candidate) {
}
