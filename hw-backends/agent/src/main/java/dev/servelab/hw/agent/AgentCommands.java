package dev.servelab.hw.agent;

import dev.servelab.engine.cli.CommandProvider;
import java.util.List;

/** Adds {@code servelab agent} and {@code servelab relay} to the CLI. */
public final class AgentCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new AgentCommand(), new RelayCommand());
    }
}
