package dev.servelab.plugins.cachereplay;

import dev.servelab.engine.cli.CommandProvider;

import java.util.List;

/** Adds {@code cache-replay} to the {@code servelab} command line. */
public final class ReplayCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new CacheReplayCommand());
    }
}
