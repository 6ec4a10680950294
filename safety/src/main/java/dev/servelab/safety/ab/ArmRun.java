package dev.servelab.safety.ab;

import java.util.Map;

/** One arm of one round: the stored run and its figures by {@link ComparedMetric} key (NaN where the run has none). */
public record ArmRun(long runId, Map<String, Double> figures) {
    public ArmRun {
        figures = Map.copyOf(figures);
    }

    public double figure(String key) {
        return figures.getOrDefault(key, Double.NaN);
    }
}
