package dev.servelab.plugins.cachereplay;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.WorkloadFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Feeds each request's chained prefix hashes, in file order, from a trace: through the registered
 * {@code trace.*} reader of that format when there is one, or — for {@code trace.mooncake} while no
 * such reader is installed — through the replay's own minimal Mooncake JSONL parser.
 */
public final class ChainSource {
    public static final String MOONCAKE = "trace.mooncake";

    private ChainSource() {
    }

    /** Calls {@code sink} with every request's hash chain; returns the number of requests. */
    public static long forEach(Path file, String format, PluginRegistry registry, Consumer<long[]> sink) {
        boolean registered = registry.all().stream().anyMatch(d -> d.id().equals(format));
        try {
            if (!registered && MOONCAKE.equals(format)) return MooncakeChains.forEach(file, sink);
            if (!registered) throw new ServeLabException("--format: no trace reader '" + format + "' is installed");
            return fromReader(file, format, registry, sink);
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot read trace: " + e.getMessage(), e);
        }
    }

    private static long fromReader(Path file, String format, PluginRegistry registry, Consumer<long[]> sink)
            throws IOException {
        long n = 0;
        try (RequestStream s = WorkloadFactory.openTrace(registry, format,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), file, 1.0, 0, "--trace")) {
            for (Request r = s.next(); r != null; r = s.next(), n++) sink.accept(r.hashIds());
        }
        return n;
    }
}
