package dev.servelab.hw.perf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the performance-model commands without the engine's launcher:
 * {@code java -cp ... dev.servelab.hw.perf.cli.PerfMain predict|calibrate|fidelity|catalog ...}.
 * The same command objects are registered in {@code servelab} through {@link PerfCommands}.
 */
@Command(name = "servelab-perf", mixinStandardHelpOptions = true,
        description = "ServeLab performance model: predict, calibrate, fidelity, catalog.")
public final class PerfMain implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PerfMain());
        for (Object c : new PerfCommands().commands()) {
            cl.addSubcommand(c);
        }
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
