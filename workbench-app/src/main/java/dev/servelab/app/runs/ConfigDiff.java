package dev.servelab.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration differences between runs: every setting of their stored pipelines as a flat path
 * ({@code pools[0].replicas}, {@code workload.rate_per_s}) with the loader's defaults filled in for the
 * fields the Runs table shows, and the paths whose values are not the same in every run.
 *
 * @param setting the flat path
 * @param values  one value per run, in the runs' order ("—" where a run does not set it)
 */
public record ConfigDiff(String setting, List<String> values) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The settings that differ between {@code runs}, in the first run's order, then the others'. */
    public static List<ConfigDiff> of(List<RunRow> runs) {
        List<Map<String, String>> flat = runs.stream().map(ConfigDiff::flat).toList();
        Set<String> keys = new LinkedHashSet<>();
        flat.forEach(m -> keys.addAll(m.keySet()));
        List<ConfigDiff> out = new ArrayList<>();
        for (String k : keys) {
            List<String> v = flat.stream().map(m -> m.getOrDefault(k, "—")).toList();
            if (v.stream().distinct().count() > 1) out.add(new ConfigDiff(k, v));
        }
        return out;
    }

    static Map<String, String> flat(RunRow r) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            if (r.pipelineJson() != null) flatten("", JSON.readTree(r.pipelineJson()), m);
        } catch (IOException e) {
            m.put("pipeline", "(does not parse)");
        }
        m.remove("name");
        m.remove("description");
        r.config().flat().forEach((k, v) -> m.merge(k, v, (stored, dflt) -> stored));
        Map<String, String> withType = new LinkedHashMap<>();
        m.forEach((k, v) -> withType.put(k.endsWith(".type") ? k.substring(0, k.length() - 5) : k, v));
        return withType;
    }

    private static void flatten(String path, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) flatten(path + "[" + i + "]", n.get(i), out);
        } else {
            out.put(path, Objects.toString(n.isTextual() ? n.asText() : n.toString()));
        }
    }
}
