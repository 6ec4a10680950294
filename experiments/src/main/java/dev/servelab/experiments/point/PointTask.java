package dev.servelab.experiments.point;

import dev.servelab.experiments.sweep.Budget;
import dev.servelab.experiments.sweep.CapacityGoal;
import dev.servelab.experiments.sweep.Constraint;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point to run: its id and key in the experiment, its parameters (JSON), its whole pipeline tree
 * (JSON, with the point's values applied), the directory relative paths resolve against, the
 * constraints and budget to judge it by, an optional capacity goal and price overrides per hardware id.
 */
public record PointTask(int pointId, String key, String paramsJson, String pipelineJson, String baseDir, String name,
                        List<Constraint> constraints, Budget budget, CapacityGoal capacity, Map<String, Double> prices)
        implements Serializable {
    public PointTask {
        constraints = List.copyOf(constraints);
        prices = new LinkedHashMap<>(prices);
    }
}
