package dev.servelab.experiments.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A checked sweep file. {@code baseTree} is the base pipeline with the sweep's {@code workload}
 * and {@code slo} already applied (the tree every point starts from); {@code seeds} is empty when
 * the pipeline's own seed is used; {@code capacity} is null unless every point runs a capacity search;
 * {@code prices} overrides the hardware catalog's price per device-hour by hardware id; {@code hash}
 * identifies the sweep's content, so re-running the same sweep resumes its experiment.
 */
public record SweepSpec(Path file, String name, Path base, ObjectNode baseTree, List<Axis> axes, List<Long> seeds,
                        Search search, List<Constraint> constraints, Objective objective, Budget budget,
                        CapacityGoal capacity, Map<String, Double> prices, String hash, String sourceJson) {

    /** The base pipeline's directory, against which its relative paths resolve. */
    public Path baseDir() {
        return base.toAbsolutePath().getParent();
    }

    /** The name points' runs get when the base names none. */
    public String baseName() {
        return base.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    }
}
