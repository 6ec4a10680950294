package dev.servelab.safety.cli;

import dev.servelab.engine.cli.CommandProvider;

import java.util.List;

/** Adds {@code servelab ab} to the command line (listed in {@code META-INF/services}). */
public final class SafetyCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new AbCommand());
    }
}
