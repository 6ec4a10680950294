package dev.servelab.plugins.tracecli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.plugins.traceprofile.TraceProfile;
import dev.servelab.plugins.traceprofile.TraceStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code servelab trace stats FILE}: count, duration, length percentiles, rates and prefix reuse. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print a trace's request count, duration, input/output token mean and percentiles, "
                + "mean and peak-minute rate, and (with prefix hashes) the unlimited-cache prefix hit ratio.")
public final class TraceStatsCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(paramLabel = "FILE", description = "Trace file (gzip is read transparently)")
    Path file;

    @Option(names = "--format", paramLabel = "ID", description = "Trace format (trace.*); sniffed from the first line if omitted")
    String format;

    @Option(names = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Mixin
    TransformOptions transforms;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PluginRegistry registry = PluginRegistry.load();
        TraceSource source = TraceSource.of(registry, file, format, transforms.transforms());
        TraceStats s = TraceProfile.of(source.open(registry)).stats();
        if (s.count() == 0) throw new ServeLabException(file + ": no requests");
        if (json) {
            ObjectNode tree = JSON.valueToTree(s);
            tree.put("peak_minute_rate_per_s", s.peakMinuteRatePerS());
            tree.put("format", source.format());
            tree.put("file", file.toString());
            spec.commandLine().getOut().println(JSON.writeValueAsString(tree));
        } else {
            spec.commandLine().getOut().print(StatsFormat.table(file + " (" + source.format() + ")", s));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
