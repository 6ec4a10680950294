package dev.servelab.engine.cli;

import java.util.List;

/**
 * A module's extra top-level CLI subcommands, found with {@link java.util.ServiceLoader} exactly as
 * policies are. Each element is an instance of a picocli {@code @Command}-annotated class; the
 * engine adds it to {@code servelab} under the name its annotation gives.
 *
 * <p>Register an implementation in {@code META-INF/services/dev.servelab.engine.cli.CommandProvider}.
 */
public interface CommandProvider {
    List<Object> commands();
}
