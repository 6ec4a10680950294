package dev.servelab.plugins.tracecli;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.plugins.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code servelab trace generate WORKLOAD.yaml --out FILE --to FORMAT}: runs a workload node (a
 * pipeline's, a fitted one, or a bare node) and saves its requests as a trace file.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Run a workload (pipeline file, 'trace fit' output or bare node) and write its requests as a trace.")
public final class TraceGenerateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WORKLOAD", description = "YAML/JSON file with a workload node (or a pipeline)")
    Path workload;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Trace to write (.gz = gzipped)")
    Path out;

    @Option(names = "--to", paramLabel = "FORMAT", description = "trace.azure-2023, trace.mooncake or trace.vidur (default ${DEFAULT-VALUE})")
    String to = "trace.azure-2023";

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--requests", paramLabel = "N", description = "At most N requests (0 = the workload's own count)")
    long requests;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RequestStream stream = WorkloadFile.read(workload).open(PluginRegistry.load(), seed, requests);
        long n = TraceCopy.copy(stream, to, out);
        spec.commandLine().getOut().println("wrote " + n + " requests to " + out + " (" + to + ")");
        return 0;
    }
}
