package dev.servelab.engine.workload;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginDescriptor;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.TraceReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

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
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader in = new BufferedReader(new InputStreamReader(
                     file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) return line.strip();
            }
            throw new ServeLabException(file + ": the trace is empty");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ServeLabException(file + ": trace file not found");
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
