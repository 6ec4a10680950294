package dev.servelab.plugins.tracecli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code servelab trace …}: statistics, fitting, generating and converting traces. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Inspect, fit, generate and convert request traces.",
        subcommands = {TraceStatsCommand.class, TraceFitCommand.class, TraceGenerateCommand.class, TraceConvertCommand.class})
public final class TraceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
