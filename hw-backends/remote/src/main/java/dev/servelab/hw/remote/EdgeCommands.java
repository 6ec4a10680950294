package dev.servelab.hw.remote;

import dev.servelab.engine.cli.CommandProvider;
import java.util.List;

/** Adds {@code servelab device} to the CLI (the agent's commands come with the agent module). */
public final class EdgeCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new DeviceCommand());
    }
}
