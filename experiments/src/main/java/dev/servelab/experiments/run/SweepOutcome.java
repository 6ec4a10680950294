package dev.servelab.experiments.run;

import dev.servelab.experiments.store.ExperimentStatus;
import dev.servelab.experiments.store.StoredPoint;

import java.util.List;

/** How a sweep ended: its experiment, status, every stored point, the best one (null without objective or feasible point), and the points run now. */
public record SweepOutcome(long experimentId, ExperimentStatus status, List<StoredPoint> points, StoredPoint best, int ranNow,
                           double seconds) {
}
