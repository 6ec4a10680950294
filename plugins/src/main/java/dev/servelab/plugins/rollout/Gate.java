package dev.servelab.plugins.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        JsonNode tree = readTree(file);
        if (tree == null || tree.isMissingNode() || tree.isNull() || tree.isEmpty()) {
            throw new ServeLabException(file + ": a gate needs at least one rule");
        }
        return of(tree, file.toString(), knownMetrics);
    }

    private static JsonNode readTree(Path file) {
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        try {
            return mapper.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ServeLabException(file + ": no such gate file");
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new ServeLabException(file + where + ": malformed gate: " + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", "; ").strip());
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot read: " + e.getMessage(), e);
        }
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
