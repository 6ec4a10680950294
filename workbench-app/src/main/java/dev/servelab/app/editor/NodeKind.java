package dev.servelab.app.editor;

import dev.servelab.engine.plugin.PluginKind;

import java.util.List;

/** The kinds of pipeline node, their ports, and the plugin kinds that can fill them. */
public enum NodeKind {
    WORKLOAD("Workload", "mdi2a-account-multiple-outline", List.of(Port.out("requests", PortType.ARRIVALS)), PluginKind.WORKLOAD, PluginKind.TRACE),
    ADMISSION("Admission", "mdi2s-shield-check-outline", List.of(Port.in("in", PortType.ARRIVALS), Port.out("admitted", PortType.ADMITTED)), PluginKind.ADMISSION),
    ROUTER("Router", "mdi2s-source-branch", List.of(Port.in("in", PortType.ADMITTED), new Port("replicas", PortType.ROUTED, false, true)), PluginKind.ROUTER),
    POOL("Replica pool", "mdi2s-server", List.of(Port.in("in", PortType.ROUTED), Port.in("scheduler", PortType.SCHEDULER),
            Port.in("kv eviction", PortType.EVICTION), Port.in("executor", PortType.EXECUTOR), Port.out("done", PortType.COMPLETED))),
    SINK("Metrics sink", "mdi2f-flag-checkered", List.of(new Port("in", PortType.COMPLETED, true, true))),
    SCHEDULER("Batch scheduler", "mdi2v-view-sequential-outline", List.of(Port.out("out", PortType.SCHEDULER)), PluginKind.SCHEDULER),
    EVICTION("KV eviction", "mdi2d-database-remove-outline", List.of(Port.out("out", PortType.EVICTION)), PluginKind.EVICTION),
    EXECUTOR("Executor", "mdi2c-chip", List.of(Port.out("out", PortType.EXECUTOR)), PluginKind.EXECUTOR);

    private final String title;
    private final String icon;
    private final List<Port> ports;
    private final List<PluginKind> plugins;

    NodeKind(String title, String icon, List<Port> ports, PluginKind... plugins) {
        this.title = title;
        this.icon = icon;
        this.ports = ports;
        this.plugins = List.of(plugins);
    }

    public String title() {
        return title;
    }

    public String icon() {
        return icon;
    }

    public List<Port> ports() {
        return ports;
    }

    public List<PluginKind> pluginKinds() {
        return plugins;
    }

    public Port port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** The node kind a plugin of this kind fills, or null. */
    public static NodeKind forPlugin(PluginKind k) {
        for (NodeKind n : values()) if (n.plugins.contains(k)) return n;
        return null;
    }
}
