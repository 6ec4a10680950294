package dev.servelab.experiments.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.pipeline.Overrides;

import java.util.List;

/** A point's pipeline tree: the base tree with the point's {@code --set} assignments applied, in order. */
public final class PointTrees {
    private PointTrees() {
    }

    public static ObjectNode apply(ObjectNode base, List<String> assignments) {
        ObjectNode tree = base.deepCopy();
        for (String a : assignments) Overrides.apply(tree, a);
        return tree;
    }
}
