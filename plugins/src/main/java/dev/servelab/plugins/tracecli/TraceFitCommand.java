package dev.servelab.plugins.tracecli;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.plugins.traceprofile.TraceProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code servelab trace fit FILE --out workload.yaml}: fits a {@code workload.gamma} generator (mean
 * rate, inter-arrival CV, empirical length tables), then generates as many requests with it and prints
 * both sets of statistics side by side; {@code --plot} draws them.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a workload.gamma generator (rate, CV, empirical lengths) to a trace and write it as YAML; "
                + "prints trace vs fitted statistics.")
public final class TraceFitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Trace file")
    Path file;

    @Option(names = "--format", paramLabel = "ID", description = "Trace format (trace.*); sniffed if omitted")
    String format;

    @Option(names = "--out", paramLabel = "YAML", required = true, description = "Where to write the fitted workload")
    Path out;

    @Option(names = "--points", paramLabel = "N", description = "Quantiles per length table (default ${DEFAULT-VALUE})")
    int points = TraceFit.DEFAULT_POINTS;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the check run (default ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--plot", paramLabel = "PNG", description = "Also draw trace vs fitted (length CDFs, requests per minute)")
    Path plot;

    @Mixin
    TransformOptions transforms;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (points < 2) throw new ServeLabException("--points must be at least 2");
        PluginRegistry registry = PluginRegistry.load();
        TraceSource source = TraceSource.of(registry, file, format, transforms.transforms());
        TraceProfile trace = TraceProfile.of(source.open(registry));
        if (trace.arrivals().count() < 2) throw new ServeLabException(file + ": need at least 2 requests to fit");
        TraceFit fit = TraceFit.of(trace, points);
        FitCheck check = FitCheck.run(registry, fit, seed);
        FitComparison cmp = new FitComparison(trace.stats(), check.stats());
        Files.writeString(out, FitYaml.of(fit.node(), "Fitted by: servelab trace fit " + file.getFileName() + " (" + source.format()
                + ")\nCheck (seed " + seed + "; lengths from " + FitCheck.LENGTH_SAMPLES + " draws) vs the trace:\n" + cmp.table().stripTrailing()));
        spec.commandLine().getOut().print(cmp.table());
        spec.commandLine().getOut().println("wrote " + out);
        if (plot != null) {
            FitPlot.write(plot, file.getFileName() + ": trace vs fitted workload.gamma", trace, check);
            spec.commandLine().getOut().println("wrote " + plot);
        }
        return 0;
    }
}
