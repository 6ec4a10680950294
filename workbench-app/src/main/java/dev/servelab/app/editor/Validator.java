package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.SettingInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a pipeline graph: every stage present and wired, plugin ids known, each explicit setting of
 * the right type and within its range; then lets the engine's loader read the resulting tree.
 */
public final class Validator {
    private Validator() {
    }

    public static List<Problem> check(PipelineGraph g, SettingsCatalog catalog) {
        return check(g, catalog, null);
    }

    /** As {@link #check(PipelineGraph, SettingsCatalog)}; with a {@code liveExecutor}, every pool must use a live executor. */
    public static List<Problem> check(PipelineGraph g, SettingsCatalog catalog, String liveExecutor) {
        List<Problem> out = new ArrayList<>();
        structure(g, out);
        if (liveExecutor != null) LiveCheck.pools(g, liveExecutor, out);
        for (GraphNode n : g.nodes) {
            if (n.plugin.get() != null && catalog.descriptor(n).isEmpty()) out.add(new Problem(n, "unknown plugin id " + n.plugin.get(), true));
            List<SettingInfo> infos = catalog.settings(n);
            n.settings.forEach((k, v) -> {
                SettingInfo info = infos.stream().filter(i -> i.name().equals(k)).findFirst().orElse(null);
                String why = info == null ? "unknown setting '" + k + "'" : check(info, v);
                if (why != null) out.add(new Problem(n, why, true));
            });
        }
        if (out.stream().noneMatch(Problem::error)) {
            try {
                PipelineLoader.fromTree(GraphCodec.write(g), "pipeline", null);
            } catch (ServeLabException e) {
                out.add(new Problem(null, e.getMessage(), true));
            }
        }
        return out;
    }

    private static void structure(PipelineGraph g, List<Problem> out) {
        if (GraphCodec.first(g, NodeKind.WORKLOAD) == null) out.add(new Problem(null, "add a workload node", true));
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

    /** Why a value does not fit a setting, or null. */
    public static String check(SettingInfo info, JsonNode v) {
        Class<?> t = info.type();
        boolean numeric = Number.class.isAssignableFrom(box(t));
        if (v == null || v.isNull()) return null;
        if (numeric) {
            if (!v.isNumber()) return info.name() + ": expected a number, got '" + v.asText() + "'";
            boolean integral = t == int.class || t == long.class || t == Integer.class || t == Long.class;
            if (integral && !v.canConvertToLong()) return info.name() + ": expected a whole number";
            if (integral && v.isFloatingPointNumber() && v.asDouble() != Math.rint(v.asDouble())) return info.name() + ": expected a whole number";
            double d = v.asDouble();
            if (d < info.min() || d > info.max()) return String.format(Locale.ROOT, "%s: %s is outside [%s, %s]%s", info.name(),
                    v.asText(), fmt(info.min()), fmt(info.max()), info.unit().isEmpty() ? "" : " " + info.unit());
        } else if (box(t) == Boolean.class && !v.isBoolean()) {
            return info.name() + ": expected true or false";
        }
        return null;
    }

    static Class<?> box(Class<?> t) {
        if (t == int.class) return Integer.class;
        if (t == long.class) return Long.class;
        if (t == double.class) return Double.class;
        if (t == float.class) return Float.class;
        if (t == boolean.class) return Boolean.class;
        return t;
    }

    private static String fmt(double d) {
        if (Double.isInfinite(d) || d >= Double.MAX_VALUE) return d < 0 ? "-∞" : "∞";
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
