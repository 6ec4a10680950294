package dev.servelab.plugins.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A gate: the rules a candidate must hold to be accepted, one per metric, as written in a
 * {@code GATE.yaml} file (for {@code servelab ab --gate}) or in the {@code gate} setting of
 * {@code route.canary}. The rules are checked by whoever has the paired figures; this type only
 * reads them and checks that each names a metric the caller can measure.
 */
public record Gate(List<GateRule> rules) {
    public Gate {
        rules = List.copyOf(rules);
    }

    public static final Gate NONE = new Gate(List.of());

    /** Reads a gate file (YAML or JSON): a mapping from metric key to rule. */
    public static Gate read(Path file, Collection<String> knownMetrics) {
        JsonNode tree;
        try {
            tree = PipelineLoader.readTree(file);
        } catch (ServeLabException e) {
            throw new ServeLabException(e.getMessage().replace("pipeline", "gate"), e);
        }
        if (tree.isEmpty()) throw new ServeLabException(file + ": a gate needs at least one rule");
        return of(tree, file.toString(), knownMetrics);
    }

    /** The rules of a mapping {@code metric: {rule}} found at {@code where}, each naming one of {@code knownMetrics}. */
    public static Gate of(JsonNode mapping, String where, Collection<String> knownMetrics) {
        if (mapping == null || mapping.isNull()) return NONE;
        if (!mapping.isObject()) throw new ServeLabException(where + ": a gate is a mapping from metric to rule");
        List<GateRule> rules = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mapping.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!knownMetrics.contains(e.getKey())) {
                throw new ServeLabException(where + ": " + e.getKey() + ": unknown metric (known: " + String.join(", ", knownMetrics) + ")");
            }
            rules.add(GateRule.parse(e.getKey(), e.getValue(), where));
        }
        return new Gate(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
