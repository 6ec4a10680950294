package dev.servelab.engine.workload;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginDescriptor;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.TraceReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Guesses a trace's format from its first non-empty line, asking every trace reader in turn. */
public final class TraceSniffer {
    private TraceSniffer() {
    }

    public static String sniff(PluginRegistry registry, Path file) {
        String first = firstLine(file);
        List<String> matches = new ArrayList<>();
        for (PluginDescriptor d : registry.ofKind(PluginKind.TRACE)) {
            TraceReader r = registry.create(PluginKind.TRACE, d.id(), null, new PluginContext(0, "--format", -1));
            if (r.sniff(first)) matches.add(d.id());
        }
        if (matches.size() == 1) return matches.getFirst();
        List<String> known = registry.ofKind(PluginKind.TRACE).stream().map(PluginDescriptor::id).toList();
        throw new ServeLabException(file + ": cannot tell the trace format from its first line"
                + (matches.isEmpty() ? "" : " (it could be " + String.join(" or ", matches) + ")")
                + "; give --format (known: " + String.join(", ", known) + ")");
    }

    static String firstLine(Path file) {
        try (TraceLines lines = new TraceLines(file)) {
            String line = lines.next();
            if (line == null) throw new ServeLabException(file + ": the trace is empty");
            return line.strip();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ServeLabException(file + ": trace file not found");
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
