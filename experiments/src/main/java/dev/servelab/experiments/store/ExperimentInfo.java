package dev.servelab.experiments.store;

/** An experiment's row: the sweep it ran (file, content hash, the sweep as JSON), status and point count. */
public record ExperimentInfo(long experimentId, String name, String sweepFile, String sweepHash, ExperimentStatus status,
                             String createdAt, String finishedAt, String sweepJson, int pointsPlanned, String engine) {
}
