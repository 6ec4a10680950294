package dev.servelab.plugins.cachereplay;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.WorkloadFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads each request's chained prefix hashes and arrival time, in file order, from a trace read by
 * the registered {@code trace.*} reader of its format (e.g. {@code trace.mooncake}, whose requests
 * carry the {@code hash_ids}).
 */
public final class ChainSource {
    public static final String MOONCAKE = "trace.mooncake";

    private ChainSource() {
    }

    public static BlockSequence read(Path file, String format, PluginRegistry registry) {
        registry.require(PluginKind.TRACE, format, "--format");
        BlockSequence blocks = new BlockSequence();
        try (RequestStream s = WorkloadFactory.openTrace(registry, format, JsonNodeFactory.instance.objectNode(), file,
                1.0, 0, "--trace")) {
            for (Request r = s.next(); r != null; r = s.next()) blocks.add(r.arrivalNanos(), r.hashIds());
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot read trace: " + e.getMessage(), e);
        }
        return blocks;
    }
}
