package dev.servelab.app.gui;

import dev.servelab.engine.cli.CommandProvider;

import java.util.List;

/** Adds {@code servelab gui} to the command line. */
public final class GuiCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new GuiCommand());
    }
}
