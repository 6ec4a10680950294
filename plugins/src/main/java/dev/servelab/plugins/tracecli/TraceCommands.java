package dev.servelab.plugins.tracecli;

import dev.servelab.engine.cli.CommandProvider;

import java.util.List;

/** Adds {@code servelab trace} to the command line (listed in {@code META-INF/services}). */
public final class TraceCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new TraceCommand());
    }
}
