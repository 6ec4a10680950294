package dev.servelab.engine.plugin;

import dev.servelab.engine.spi.AdmissionPolicy;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.RemoteEndpoint;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.TraceReader;
import dev.servelab.engine.spi.WorkloadGenerator;

/** The kinds of plugin, each an SPI interface with the id prefix its plugins use. */
public enum PluginKind {
    WORKLOAD("workload", WorkloadGenerator.class),
    TRACE("trace", TraceReader.class),
    ADMISSION("admission", AdmissionPolicy.class),
    ROUTER("route", Router.class),
    SCHEDULER("batch", BatchScheduler.class),
    EVICTION("kv", EvictionPolicy.class),
    EXECUTOR("exec", Executor.class),
    REMOTE("remote", RemoteEndpoint.class);

    private final String prefix;
    private final Class<?> spi;

    PluginKind(String prefix, Class<?> spi) {
        this.prefix = prefix;
        this.spi = spi;
    }

    public String prefix() {
        return prefix;
    }

    public Class<?> spi() {
        return spi;
    }

    /** The kind whose prefix starts the id, or null. */
    public static PluginKind ofId(String id) {
        for (PluginKind k : values()) {
            if (id.startsWith(k.prefix + ".")) return k;
        }
        return null;
    }
}
