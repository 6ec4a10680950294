package dev.servelab.hw.jvm;

import dev.servelab.engine.cli.CommandProvider;
import java.util.List;

/** Adds {@code servelab model}, {@code compare-modes} to the CLI. */
public final class JvmCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new ModelCommand(), new CompareModesCommand());
    }
}
