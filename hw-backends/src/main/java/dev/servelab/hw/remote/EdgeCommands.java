package dev.servelab.hw.remote;

import dev.servelab.engine.cli.CommandProvider;
import dev.servelab.hw.agent.AgentCommand;
import dev.servelab.hw.agent.RelayCommand;
import java.util.List;

/** Adds {@code servelab device}, {@code servelab agent} and {@code servelab relay} to the CLI. */
public final class EdgeCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new DeviceCommand(), new AgentCommand(), new RelayCommand());
    }
}
