package dev.servelab.engine.cli;

import picocli.CommandLine.Command;

/** The top-level {@code servelab} command. */
@Command(name = "servelab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "ServeLab: simulate and run LLM serving pipelines, and inspect their runs.",
        subcommands = {RunCommand.class, RunsCommand.class, PluginsCommand.class})
public final class ServelabCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
