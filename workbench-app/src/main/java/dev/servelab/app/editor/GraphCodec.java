package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.servelab.engine.pipeline.PipelineLoader;

import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Converts between a pipeline file's tree (what the CLI runs) and the editor's graph of nodes and wires. */
public final class GraphCodec {
    static final double COL = 240;
    static final double ROW2 = 170;
    private static final Set<String> POOL_KEYS = Set.of("name", "replicas", "model", "hardware", "tensor_parallel",
            "max_num_seqs", "max_num_batched_tokens", "price_usd_per_hour");

    private GraphCodec() {
    }

    public static void read(ObjectNode tree, PipelineGraph g) {
        g.wires.clear();
        g.nodes.clear();
        g.fields.clear();
        for (String k : List.of("name", "description", "seed")) if (tree.has(k)) g.fields.put(k, tree.get(k).deepCopy());
        GraphNode w = plugin(tree.get("workload"), NodeKind.WORKLOAD, PipelineLoader.DEFAULT_WORKLOAD, 30, 60);
        GraphNode a = plugin(tree.get("admission"), NodeKind.ADMISSION, PipelineLoader.DEFAULT_ADMISSION, 30 + COL, 60);
        GraphNode r = plugin(tree.get("router"), NodeKind.ROUTER, PipelineLoader.DEFAULT_ROUTER, 30 + 2 * COL, 60);
        GraphNode sink = new GraphNode(NodeKind.SINK, null, 30 + 4 * COL, ROW2);
        TreePaths.flatten(tree.get("slo"), "slo.", sink.settings);
        TreePaths.flatten(tree.get("metrics"), "metrics.", sink.settings);
        g.nodes.addAll(w, a, r, sink);
        g.wires.add(new Wire(w, "requests", a, "in"));
        g.wires.add(new Wire(a, "admitted", r, "in"));
        JsonNode pools = tree.get("pools");
        int n = pools != null && pools.isArray() && !pools.isEmpty() ? pools.size() : 1;
        for (int i = 0; i < n; i++) {
            JsonNode p = pools != null && pools.isArray() && i < pools.size() ? pools.get(i) : JsonNodeFactory.instance.objectNode();
            pool(g, p, r, sink, ROW2 + i * 300.0);
        }
    }

    private static void pool(PipelineGraph g, JsonNode p, GraphNode router, GraphNode sink, double y) {
        GraphNode pool = new GraphNode(NodeKind.POOL, null, 30 + 3 * COL, y);
        p.properties().forEach(e -> {
            if (POOL_KEYS.contains(e.getKey())) pool.settings.put(e.getKey(), e.getValue().deepCopy());
        });
        TreePaths.flatten(p.get("kv_cache"), "kv_cache.", pool.settings, "eviction");
        TreePaths.flatten(p.get("lora"), "lora.", pool.settings);
        JsonNode spec = p.get("speculative");
        TreePaths.flatten(spec, "speculative.", pool.settings, "acceptance");
        if (spec != null) TreePaths.flatten(spec.get("acceptance"), "speculative.acceptance.", pool.settings);
        JsonNode kv = p.get("kv_cache");
        GraphNode s = plugin(p.get("scheduler"), NodeKind.SCHEDULER, PipelineLoader.DEFAULT_SCHEDULER, 30 + 2 * COL, y);
        GraphNode ev = plugin(kv == null ? null : kv.get("eviction"), NodeKind.EVICTION, PipelineLoader.DEFAULT_EVICTION, 30 + 2 * COL, y + 90);
        GraphNode ex = plugin(p.get("executor"), NodeKind.EXECUTOR, PipelineLoader.DEFAULT_EXECUTOR, 30 + 2 * COL, y + 180);
        g.nodes.addAll(pool, s, ev, ex);
        g.wires.addAll(new Wire(router, "replicas", pool, "in"), new Wire(s, "out", pool, "scheduler"),
                new Wire(ev, "out", pool, "kv eviction"), new Wire(ex, "out", pool, "executor"), new Wire(pool, "done", sink, "in"));
    }

    private static GraphNode plugin(JsonNode n, NodeKind kind, String def, double x, double y) {
        if (n != null && n.isTextual()) return new GraphNode(kind, n.asText(), x, y);
        GraphNode node = new GraphNode(kind, n != null && n.has("type") ? n.get("type").asText() : def, x, y);
        if (n != null && n.isObject()) n.properties().forEach(e -> {
            if (!e.getKey().equals("type")) node.settings.put(e.getKey(), e.getValue().deepCopy());
        });
        return node;
    }

    /** The pipeline tree the graph stands for; unconnected parts are left to the loader's defaults. */
    public static ObjectNode write(PipelineGraph g) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        g.fields.forEach((k, v) -> t.set(k, v.deepCopy()));
        GraphNode w = first(g, NodeKind.WORKLOAD);
        GraphNode a = w == null ? null : g.targets(w, "requests").stream().findFirst().orElse(null);
        GraphNode r = a == null ? null : g.targets(a, "admitted").stream().findFirst().orElse(null);
        if (w != null) t.set("workload", plugin(w));
        if (a != null) t.set("admission", plugin(a));
        if (r != null) t.set("router", plugin(r));
        List<GraphNode> pools = (r == null ? List.<GraphNode>of() : g.targets(r, "replicas")).stream()
                .sorted(Comparator.comparingDouble(n -> n.y.get())).toList();
        if (!pools.isEmpty()) {
            var arr = t.putArray("pools");
            for (GraphNode p : pools) arr.add(pool(g, p));
        }
        GraphNode sink = first(g, NodeKind.SINK);
        if (sink != null) sink.settings.forEach((k, v) -> TreePaths.put(t, k, v.deepCopy()));
        return t;
    }

    private static ObjectNode pool(PipelineGraph g, GraphNode p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        p.settings.forEach((k, v) -> TreePaths.put(o, k, v.deepCopy()));
        GraphNode s = g.source(p, "scheduler"), ev = g.source(p, "kv eviction"), ex = g.source(p, "executor");
        if (s != null) o.set("scheduler", plugin(s));
        if (ev != null) TreePaths.put(o, "kv_cache.eviction", plugin(ev));
        if (ex != null) o.set("executor", plugin(ex));
        return o;
    }

    private static JsonNode plugin(GraphNode n) {
        if (n.settings.isEmpty()) return TextNode.valueOf(n.plugin.get());
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", n.plugin.get());
        n.settings.forEach((k, v) -> o.set(k, v.deepCopy()));
        return o;
    }

    /**
     * Where each node of the graph lands in the tree {@link #write} produces, as the engine's paths
     * ({@code workload}, {@code pools[0].scheduler}, {@code pools[1].kv_cache.eviction}, ...): path to
     * node, in file order; a node feeding several pools appears under each. The sink owns {@code slo}
     * and {@code metrics}. Nodes not wired into the pipeline have no path.
     */
    public static Map<String, GraphNode> paths(PipelineGraph g) {
        Map<String, GraphNode> out = new LinkedHashMap<>();
        GraphNode w = first(g, NodeKind.WORKLOAD);
        GraphNode a = w == null ? null : g.targets(w, "requests").stream().findFirst().orElse(null);
        GraphNode r = a == null ? null : g.targets(a, "admitted").stream().findFirst().orElse(null);
        if (w != null) out.put("workload", w);
        if (a != null) out.put("admission", a);
        if (r != null) out.put("router", r);
        List<GraphNode> pools = (r == null ? List.<GraphNode>of() : g.targets(r, "replicas")).stream()
                .sorted(Comparator.comparingDouble(n -> n.y.get())).toList();
        for (int i = 0; i < pools.size(); i++) {
            GraphNode p = pools.get(i);
            String at = "pools[" + i + "]";
            out.put(at, p);
            putIfWired(out, at + ".scheduler", g.source(p, "scheduler"));
            putIfWired(out, at + ".kv_cache.eviction", g.source(p, "kv eviction"));
            putIfWired(out, at + ".executor", g.source(p, "executor"));
        }
        GraphNode sink = first(g, NodeKind.SINK);
        if (sink != null) {
            out.put("slo", sink);
            out.put("metrics", sink);
        }
        return out;
    }

    private static void putIfWired(Map<String, GraphNode> out, String path, GraphNode n) {
        if (n != null) out.put(path, n);
    }

    static GraphNode first(PipelineGraph g, NodeKind k) {
        return g.nodes.stream().filter(n -> n.kind == k).findFirst().orElse(null);
    }
}
