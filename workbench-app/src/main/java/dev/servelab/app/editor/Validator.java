package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.run.PipelineCheck;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingProblem;
import dev.servelab.engine.workload.WorkloadFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a pipeline graph: every stage present and wired; then, through the engine, each wired
 * plugin node's id and settings (the binder a run uses, so every message is worded exactly as
 * {@code servelab run} words it, naming {@code node.field}) and the pipeline tree as the loader reads it.
 */
public final class Validator {
    private Validator() {
    }

    public static List<Problem> check(PipelineGraph g, SettingsCatalog catalog) {
        return check(g, catalog, null, null);
    }

    /**
     * As {@link #check(PipelineGraph, SettingsCatalog)}; with a {@code liveExecutor}, every pool must use a live
     * executor; relative files (traces) resolve against {@code baseDir} as a run resolves them. A wired pipeline
     * is checked whole by the engine ({@link PipelineCheck}: ids, settings, trace file, model and hardware); one
     * with structural problems node by node through the binder.
     */
    public static List<Problem> check(PipelineGraph g, SettingsCatalog catalog, String liveExecutor, Path baseDir) {
        return check(g, catalog, liveExecutor, baseDir, new java.util.HashMap<>());
    }

    /** As above, reusing the pools' executor attach outcomes in {@code attached} (the editor keeps one map). */
    static List<Problem> check(PipelineGraph g, SettingsCatalog catalog, String liveExecutor, Path baseDir,
                               Map<PipelineCheck.AttachKey, List<SettingProblem>> attached) {
        List<Problem> out = new ArrayList<>();
        structure(g, out);
        if (liveExecutor != null) LiveCheck.pools(g, liveExecutor, out);
        boolean structural = out.stream().anyMatch(Problem::error);
        Map<String, GraphNode> paths = GraphCodec.paths(g);
        PipelineSpec spec = null;
        String loaderError = null;
        if (!structural) {
            try {
                spec = PipelineLoader.fromTree(GraphCodec.write(g), "pipeline", baseDir);
            } catch (ServeLabException e) {
                loaderError = e.getMessage();
            }
        }
        List<SettingProblem> found = new ArrayList<>();
        if (spec != null) {
            found.addAll(PipelineCheck.problems(spec, catalog.registry(), attached));
        } else {
            paths.forEach((path, n) -> found.addAll(bind(catalog.registry(), path, n)));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SettingProblem p : found) {
            if (seen.add(p.message())) out.add(new Problem(nodeAt(paths, p.path()), p.message(), true));
        }
        if (loaderError != null) out.add(new Problem(nodeAt(paths, loaderError), loaderError, true));
        return out;
    }

    /** What a run would reject in a plugin node at {@code path}; nothing for pools and the sink (the loader reads those). */
    private static List<SettingProblem> bind(PluginRegistry registry, String path, GraphNode n) {
        if (n.kind.pluginKinds().isEmpty() || n.plugin.get() == null) return List.of();
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        n.settings.forEach((k, v) -> settings.set(k, v.deepCopy()));
        if (n.kind == NodeKind.WORKLOAD) return WorkloadFactory.problems(registry, new NodeSpec(path, n.plugin.get(), settings));
        return registry.problems(n.kind.pluginKinds().getFirst(), n.plugin.get(), settings, path);
    }

    /** The node whose path is the longest one {@code path} starts with (a message may follow the path), or null. */
    private static GraphNode nodeAt(Map<String, GraphNode> paths, String path) {
        String best = null;
        for (String p : paths.keySet()) {
            boolean under = path.startsWith(p) && (path.length() == p.length() || ".[:".indexOf(path.charAt(p.length())) >= 0);
            if (under && (best == null || p.length() > best.length())) best = p;
        }
        return best == null ? null : paths.get(best);
    }

    private static void structure(PipelineGraph g, List<Problem> out) {
        if (GraphCodec.first(g, NodeKind.WORKLOAD) == null) out.add(new Problem(null, "add a workload node", true));
        if (GraphCodec.first(g, NodeKind.ADMISSION) == null) out.add(new Problem(null, "add an admission node (e.g. admission.accept-all) between the workload and the router", true));
        if (GraphCodec.first(g, NodeKind.ROUTER) == null) out.add(new Problem(null, "add a router node (e.g. route.round-robin) between admission and the pools", true));
        if (GraphCodec.first(g, NodeKind.POOL) == null) out.add(new Problem(null, "add a replica pool", true));
        for (GraphNode n : g.nodes) {
            for (Port p : n.kind.ports()) {
                boolean wired = g.wires.stream().anyMatch(w -> p.input() ? w.to() == n && w.toPort().equals(p.name())
                        : w.from() == n && w.fromPort().equals(p.name()));
                if (!wired && n.kind != NodeKind.SINK) {
                    boolean flow = p.type() == PortType.ARRIVALS || p.type() == PortType.ADMITTED || p.type() == PortType.ROUTED;
                    out.add(new Problem(n, (p.input() ? "input '" : "output '") + p.name() + "' is not connected"
                            + (flow ? "" : " (the default is used)"), flow));
                }
            }
        }
    }

    static Class<?> box(Class<?> t) {
        if (t == int.class) return Integer.class;
        if (t == long.class) return Long.class;
        if (t == double.class) return Double.class;
        if (t == float.class) return Float.class;
        if (t == boolean.class) return Boolean.class;
        return t;
    }
}
