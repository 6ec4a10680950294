package dev.servelab.experiments.cli;

import dev.servelab.engine.cli.CommandProvider;

import java.util.List;

/** Registers {@code sweep} and {@code capacity} with the {@code servelab} command line. */
public final class ExperimentCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new SweepCommand(), new CapacityCommand());
    }
}
