/** The {@code servelab ab} command, added to the command line through {@link dev.servelab.engine.cli.CommandProvider}. */
package dev.servelab.safety.cli;
