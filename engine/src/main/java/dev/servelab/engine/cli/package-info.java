/**
 * The {@code servelab} command line (picocli): {@code run}, {@code runs list|show|compare|export},
 * {@code plugins}, plus the subcommands other modules contribute through
 * {@link dev.servelab.engine.cli.CommandProvider}.
 */
package dev.servelab.engine.cli;
