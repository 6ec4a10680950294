/**
 * The plugin registry: discovers every {@link dev.servelab.engine.spi.Plugin} with
 * {@link java.util.ServiceLoader}, describes its settings record (defaults, units, ranges) for the
 * CLI and the workbench's property sheet, and creates instances with settings bound from a
 * pipeline node, naming the node and field on any error.
 */
package dev.servelab.engine.plugin;
