package dev.servelab.engine.plugin;

import java.util.List;

/**
 * What the registry knows about one plugin class without instantiating it.
 *
 * @param settingsType the nested {@code Settings} record, or null when the plugin has no settings
 */
public record PluginDescriptor(PluginKind kind, String id, String summary, String source, Class<?> type,
                               Class<? extends Record> settingsType, List<SettingInfo> settings) {
}
