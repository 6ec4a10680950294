/**
 * The plugin registry: discovers every {@link dev.servelab.engine.spi.Plugin} with
 * {@link java.util.ServiceLoader}, describes its settings record (defaults, units, ranges) for the
 * CLI and the workbench's property sheet, and creates instances with settings bound from a
 * pipeline node, naming the node and field on any error. Third-party plugin jars dropped into
 * {@code ~/.servelab/plugins/} (or listed in {@code $SERVELAB_PLUGINS}) are loaded through their own
 * class loaders ({@link dev.servelab.engine.plugin.PluginJars}); a broken jar is a warning, not a crash.
 */
package dev.servelab.engine.plugin;
