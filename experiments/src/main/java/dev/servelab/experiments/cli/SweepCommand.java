package dev.servelab.experiments.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code servelab sweep}: run and inspect experiments (sweeps over pipeline settings). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a sweep over pipeline settings (SWEEP.yaml) and inspect stored experiments.",
        subcommands = {SweepRunCommand.class, SweepListCommand.class, SweepShowCommand.class, SweepExportCommand.class,
                SweepParetoCommand.class, SweepHeatmapCommand.class})
public final class SweepCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
