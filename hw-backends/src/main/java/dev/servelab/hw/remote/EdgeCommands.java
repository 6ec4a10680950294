package dev.servelab.hw.remote;

import dev.servelab.engine.cli.CommandProvider;
import dev.servelab.hw.agent.AgentCommand;
import java.util.List;

/** Adds {@code servelab device} and {@code servelab agent} to the CLI. */
public final class EdgeCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new DeviceCommand(), new AgentCommand());
    }
}
