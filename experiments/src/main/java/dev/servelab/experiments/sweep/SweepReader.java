package dev.servelab.experiments.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.workload.TraceSniffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a {@code SWEEP.yaml}. Every error is one line naming the sweep file and the field
 * ({@code sweep.yaml: vary.pools.0.replicas: value 0: ...}), thrown before anything is stored. Each
 * varied value is applied to the base pipeline (after the first value of every earlier axis) and checked as
 * {@code run --set} would check it
 * ({@link ValueCheck}); combinations that cannot run are recorded as infeasible points later.
 * Relative paths ({@code base}, {@code workload.trace}) resolve against the sweep file's directory,
 * or else the working directory.
 */
public final class SweepReader {
    private static final Set<String> FIELDS = Set.of("name", "description", "base", "workload", "slo", "vary", "seeds",
            "search", "constraints", "objective", "budget", "capacity", "prices");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final PluginRegistry registry;
    private final ObjectNode givenBase;

    private SweepReader(Path file, PluginRegistry registry, ObjectNode givenBase) {
        this.file = file;
        this.registry = registry;
        this.givenBase = givenBase;
    }

    public static SweepSpec read(Path file, PluginRegistry registry) {
        return new SweepReader(file, registry, null).read();
    }

    /**
     * A sweep whose base pipeline is {@code baseTree} rather than the contents of its {@code base} file
     * (the workbench's open pipeline, edited and perhaps unsaved); {@code base} still names where its
     * relative paths resolve and its runs' name.
     */
    public static SweepSpec read(Path file, PluginRegistry registry, ObjectNode baseTree) {
        return new SweepReader(file, registry, baseTree).read();
    }

    private ServeLabException error(String field, String message) {
        return new ServeLabException(file + ": " + field + ": " + message);
    }

    private SweepSpec read() {
        ObjectNode root = tree();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw error(f, "unknown field (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
        }
        String name = text(root, "name", file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""));
        if (!root.hasNonNull("base")) throw error("base", "missing: name the base pipeline file");
        Path base = givenBase != null ? Path.of(text(root, "base", null)).toAbsolutePath() : resolve("base", text(root, "base", null));
        ObjectNode baseTree;
        try {
            baseTree = givenBase != null ? givenBase.deepCopy() : PipelineLoader.readTree(base);
        } catch (ServeLabException e) {
            throw error("base", e.getMessage());
        }
        if (root.has("workload")) baseTree.set("workload", workload(root.get("workload")));
        List<Constraint> constraints = constraints(root.get("constraints"));
        ObjectNode slo = slo(root.get("slo"), constraints);
        if (slo != null) baseTree.set("slo", slo);
        ValueCheck check = new ValueCheck(file, registry, base, baseTree);
        check.base();
        List<Axis> axes = axes(root.get("vary"), check);
        Search search = search(root.get("search"));
        List<Long> seeds = seeds(root.get("seeds"));
        Objective objective = objective(root.get("objective"));
        Budget budget = budget(root.get("budget"));
        CapacityGoal capacity = capacity(root.get("capacity"));
        Map<String, Double> prices = prices(root.get("prices"));
        String source = JSON.valueToTree(root).toString();
        return new SweepSpec(file, name, base, baseTree, axes, seeds, search, constraints, objective, budget, capacity,
                prices, hash(source, baseTree.toString()), source);
    }

    private ObjectNode tree() {
        try {
            JsonNode n = YAML.readTree(Files.readString(file));
            if (n == null || !n.isObject()) throw new ServeLabException(file + ": a sweep file must be a mapping at the top level");
            return (ObjectNode) n;
        } catch (NoSuchFileException e) {
            throw new ServeLabException(file + ": no such sweep file");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ServeLabException(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": malformed sweep: " + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", "; ").strip());
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return fallback;
        if (!v.isValueNode()) throw error(field, "expected a string");
        return v.asText();
    }

    private Path resolve(String field, String path) {
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            if (!Files.exists(p)) throw error(field, "no such file: " + path);
            return p;
        }
        Path nearSweep = file.toAbsolutePath().getParent().resolve(p).normalize();
        if (Files.exists(nearSweep)) return nearSweep;
        if (Files.exists(p)) return p.toAbsolutePath().normalize();
        throw error(field, "no such file: " + path + " (looked beside the sweep file and in the working directory)");
    }

    /** A full workload node, or the shorthand {@code {trace: FILE, format: ID, requests: N}}. */
    private JsonNode workload(JsonNode w) {
        if (w == null || !w.isObject()) throw error("workload", "expected a mapping");
        if (!w.has("trace")) return w.deepCopy();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<String> it = w.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("trace", "format", "requests", "rate_scale").contains(f)) {
                throw error("workload." + f, "unknown field (with trace: format, requests, rate_scale)");
            }
        }
        Path trace = resolve("workload.trace", text(w, "trace", null));
        String format = w.hasNonNull("format") ? w.get("format").asText() : TraceSniffer.sniff(registry, trace);
        out.put("type", format);
        out.put("file", trace.toAbsolutePath().toString());
        if (w.has("requests")) {
            if (!w.get("requests").canConvertToLong() || w.get("requests").asLong() < 1) throw error("workload.requests", "expected an integer >= 1");
            out.put("limit", w.get("requests").asLong());
        }
        if (w.has("rate_scale")) out.set("rate_scale", w.get("rate_scale"));
        return out;
    }

    private List<Constraint> constraints(JsonNode c) {
        List<Constraint> out = new ArrayList<>();
        if (c == null || c.isNull()) return out;
        if (!c.isObject()) throw error("constraints", "expected a mapping of metric: bound");
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "constraints." + e.getKey();
            if (!SweepMetrics.known(e.getKey())) throw error(field, "unknown metric (known: " + String.join(", ", SweepMetrics.names()) + ")");
            if (!e.getValue().isNumber()) throw error(field, "expected a number, got " + e.getValue());
            double bound = e.getValue().asDouble();
            if (e.getKey().equals(SweepMetrics.SLO_ATTAINMENT) && !(bound >= 0 && bound <= 1)) throw error(field, "must be in [0, 1], got " + bound);
            if (!(bound >= 0)) throw error(field, "must be >= 0, got " + bound);
            out.add(new Constraint(e.getKey(), bound, SweepMetrics.lowerIsBetter(e.getKey())));
        }
        return out;
    }

    /** The sweep's {@code slo}, or else per-request objectives taken from latency constraints (for goodput and attainment). */
    private ObjectNode slo(JsonNode given, List<Constraint> constraints) {
        if (given != null && !given.isNull()) {
            if (!given.isObject()) throw error("slo", "expected a mapping (ttft_ms, tpot_ms, e2el_ms)");
            return (ObjectNode) given.deepCopy();
        }
        return Constraint.sloNode(constraints);
    }

    private List<Axis> axes(JsonNode vary, ValueCheck check) {
        if (vary == null || vary.isNull()) return List.of();
        if (!vary.isObject()) throw error("vary", "expected a mapping of dotted path: values");
        List<Axis> out = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = vary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "vary." + e.getKey();
            if (e.getKey().equals("seed")) throw error(field, "vary seeds with the top-level 'seeds' list");
            List<JsonNode> values = values(field, e.getValue());
            if (values.isEmpty()) throw error(field, "empty axis: give at least one value");
            Axis axis = new Axis(e.getKey(), values);
            for (int i = 0; i < values.size(); i++) check.value(field, axis, i, before);
            before.add(axis.assignment(0));
            out.add(axis);
        }
        return out;
    }

    private List<JsonNode> values(String field, JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(out::add);
            return out;
        }
        if (v.isObject() && v.has("range")) {
            JsonNode r = v.get("range");
            if (!r.isArray() || r.size() < 2 || r.size() > 3 || !r.get(0).canConvertToLong() || !r.get(1).canConvertToLong()) {
                throw error(field + ".range", "expected [first, last] or [first, last, step] integers");
            }
            long first = r.get(0).asLong();
            long last = r.get(1).asLong();
            long step = r.size() == 3 ? r.get(2).asLong() : 1;
            if (step < 1) throw error(field + ".range", "step must be >= 1");
            if (last < first) throw error(field + ".range", "empty axis: last " + last + " < first " + first);
            if ((last - first) / step > 100_000) throw error(field + ".range", "more than 100,000 values");
            for (long x = first; x <= last; x += step) out.add(JsonNodeFactory.instance.numberNode(x));
            return out;
        }
        if (v.isObject() && v.has("values")) return values(field, v.get("values"));
        if (v.isValueNode()) throw error(field, "expected a list of values or {range: [first, last]}");
        throw error(field, "expected a list of values or {range: [first, last]}");
    }

    private Search search(JsonNode s) {
        if (s == null || s.isNull() || (s.isTextual() && s.asText().equals("grid"))) return Search.GRID;
        if (s.isObject()) {
            long seed = s.has("seed") ? s.get("seed").asLong() : 42;
            for (String kind : List.of("random", "lhs")) {
                if (!s.has(kind)) continue;
                JsonNode n = s.get(kind);
                if (!n.canConvertToInt() || n.asInt() < 1 || n.asInt() > 1_000_000) throw error("search." + kind, "expected a point count in [1, 1000000]");
                return new Search(kind.equals("random") ? Search.Kind.RANDOM : Search.Kind.LHS, n.asInt(), seed);
            }
        }
        throw error("search", "expected grid, {random: N} or {lhs: N}, got " + s);
    }

    private List<Long> seeds(JsonNode s) {
        List<Long> out = new ArrayList<>();
        if (s == null || s.isNull()) return out;
        if (!s.isArray() || s.isEmpty()) throw error("seeds", "expected a non-empty list of integers");
        for (JsonNode n : s) {
            if (!n.canConvertToLong() || !n.isIntegralNumber()) throw error("seeds", "expected integers, got " + n);
            out.add(n.asLong());
        }
        return out;
    }

    private Objective objective(JsonNode o) {
        if (o == null || o.isNull()) return null;
        if (!o.isObject() || o.size() != 1 || !(o.has("minimize") || o.has("maximize"))) {
            throw error("objective", "expected {minimize: METRIC} or {maximize: METRIC}");
        }
        boolean min = o.has("minimize");
        String metric = o.get(min ? "minimize" : "maximize").asText();
        if (!SweepMetrics.known(metric)) {
            throw error("objective." + (min ? "minimize" : "maximize"), "unknown metric '" + metric + "' (known: " + String.join(", ", SweepMetrics.names()) + ")");
        }
        return new Objective(metric, min);
    }

    private Budget budget(JsonNode b) {
        if (b == null || b.isNull()) return Budget.NONE;
        if (!b.isObject()) throw error("budget", "expected a mapping (max_gpus, max_cost_per_hour_usd)");
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("max_gpus", "max_cost_per_hour_usd").contains(f)) throw error("budget." + f, "unknown field (known: max_gpus, max_cost_per_hour_usd)");
        }
        JsonNode g = b.get("max_gpus");
        if (g != null && (!g.canConvertToInt() || g.asInt() < 1)) throw error("budget.max_gpus", "expected an integer >= 1");
        JsonNode c = b.get("max_cost_per_hour_usd");
        if (c != null && (!c.isNumber() || !(c.asDouble() > 0))) throw error("budget.max_cost_per_hour_usd", "expected a number > 0");
        return new Budget(g == null ? 0 : g.asInt(), c == null ? 0 : c.asDouble());
    }

    private CapacityGoal capacity(JsonNode c) {
        if (c == null || c.isNull()) return null;
        String id = c.isObject() ? c.path("find").asText("") : c.asText();
        CapacityGoal g = CapacityGoal.of(id);
        if (g == null) throw error("capacity.find", "expected max-rate or min-replicas, got '" + id + "'");
        return g;
    }

    private Map<String, Double> prices(JsonNode p) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (p == null || p.isNull()) return out;
        if (!p.isObject()) throw error("prices", "expected a mapping of hardware id: USD per device-hour");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber() || !(e.getValue().asDouble() > 0)) throw error("prices." + e.getKey(), "expected a price > 0");
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    private static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) md.update(p.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
