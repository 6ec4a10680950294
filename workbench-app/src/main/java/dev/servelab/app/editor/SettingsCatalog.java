package dev.servelab.app.editor;

import dev.servelab.engine.pipeline.BuiltinFields;

import dev.servelab.engine.plugin.PluginDescriptor;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingInfo;
import dev.servelab.engine.workload.WorkloadFactory;

import java.util.List;
import java.util.Optional;

/** Which settings a node has: its plugin's settings record, or the built-in fields of pools and the sink. */
public record SettingsCatalog(PluginRegistry registry) {
    public List<SettingInfo> settings(GraphNode n) {
        return switch (n.kind) {
            case POOL -> BuiltinFields.POOL;
            case SINK -> BuiltinFields.SINK;
            case WORKLOAD -> WorkloadFactory.settings(registry, n.plugin.get());
            default -> descriptor(n).map(PluginDescriptor::settings).orElse(List.of());
        };
    }

    /** The settings a node of {@code kind} would have with plugin {@code id}. */
    public List<SettingInfo> settings(NodeKind kind, String id) {
        return settings(new GraphNode(kind, id, 0, 0));
    }

    /** The plugin ids a node of this kind can hold (its drop-down), in palette order. */
    public List<String> ids(NodeKind kind) {
        return palette(kind).stream().map(PluginDescriptor::id).toList();
    }

    public Optional<PluginDescriptor> descriptor(GraphNode n) {
        String id = n.plugin.get();
        if (id == null) return Optional.empty();
        return registry.all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Palette entries for a node kind, in registry order. */
    public List<PluginDescriptor> palette(NodeKind kind) {
        return kind.pluginKinds().stream().flatMap(k -> registry.ofKind(k).stream()).toList();
    }

    public static NodeKind nodeKind(PluginKind k) {
        return NodeKind.forPlugin(k);
    }
}
