package dev.servelab.plugins.tracecli;

import dev.servelab.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code servelab trace convert FILE --out FILE2 --to FORMAT}: re-writes a trace, transformations applied. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a trace in another format, optionally windowed, replayed, rate-scaled or cut.")
public final class TraceConvertCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Trace file")
    Path file;

    @Option(names = "--format", paramLabel = "ID", description = "Input format (trace.*); sniffed if omitted")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Trace to write (.gz = gzipped)")
    Path out;

    @Option(names = "--to", paramLabel = "FORMAT", description = "trace.azure-2023, trace.mooncake or trace.vidur (default ${DEFAULT-VALUE})")
    String to = "trace.vidur";

    @Mixin
    TransformOptions transforms;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PluginRegistry registry = PluginRegistry.load();
        TraceSource source = TraceSource.of(registry, file, format, transforms.transforms());
        long n = TraceCopy.copy(source.open(registry), to, out);
        spec.commandLine().getOut().println("wrote " + n + " requests to " + out + " (" + to + ")");
        return 0;
    }
}
