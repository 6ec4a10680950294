package dev.servelab.app;

import dev.servelab.engine.cli.Main;

/**
 * Entry point of the shaded {@code servelab.jar}: hands the command line to the engine's CLI, which
 * finds the subcommands of every module on the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Main.main(args);
    }
}
