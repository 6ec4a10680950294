package dev.servelab.engine.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --db} option shared by commands that use the run store. Default: {@code $SERVELAB_DB}
 * if set, else {@code ~/.servelab/runs.db}.
 */
public final class DbOption {
    @Option(names = "--db", paramLabel = "FILE", description = "Run store (SQLite). Default: $SERVELAB_DB or ~/.servelab/runs.db")
    Path db;

    public Path path() {
        if (db != null) return db;
        return defaultPath();
    }

    public static Path defaultPath() {
        String env = System.getenv("SERVELAB_DB");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".servelab", "runs.db");
    }
}
