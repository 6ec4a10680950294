package dev.servelab.plugins.tracecli;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.TraceSniffer;
import dev.servelab.engine.workload.TraceTransforms;
import dev.servelab.engine.workload.WorkloadFactory;

import java.nio.file.Path;

/** A trace file opened for a command: its format (given or sniffed) and transformations applied. */
record TraceSource(Path file, String format, TraceTransforms transforms) {

    static TraceSource of(PluginRegistry registry, Path file, String format, TraceTransforms transforms) {
        return new TraceSource(file, format != null ? format : TraceSniffer.sniff(registry, file), transforms);
    }

    RequestStream open(PluginRegistry registry) {
        return WorkloadFactory.openTrace(registry, format, null, file, transforms, "--format");
    }
}
