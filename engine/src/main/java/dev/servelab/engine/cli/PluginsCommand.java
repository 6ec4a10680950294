package dev.servelab.engine.cli;

import dev.servelab.engine.pipeline.BuiltinFields;
import dev.servelab.engine.plugin.PluginDescriptor;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code servelab plugins}: every plugin id on the class path with its one-line summary. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List plugin ids and one-line summaries.")
public final class PluginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--settings", description = "Also list each plugin's settings, and the pools' and sink's fields, with defaults and units")
    boolean settings;

    @Option(names = "--json", description = "JSON array")
    boolean json;

    @Override
    public Integer call() {
        PluginRegistry registry = PluginRegistry.load();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PluginDescriptor d : registry.all()) rows.add(row(d));
            out.println(Json.pretty(rows));
            return 0;
        }
        for (PluginKind kind : PluginKind.values()) {
            List<PluginDescriptor> ds = registry.ofKind(kind);
            if (ds.isEmpty()) continue;
            out.println(kind.spi().getSimpleName() + " (" + kind.prefix() + ".*)");
            for (PluginDescriptor d : ds) {
                out.printf(Locale.ROOT, "  %-28s %s%n", d.id(), d.summary());
                if (settings) settings(out, d.settings(), "");
            }
        }
        if (settings) {
            out.println("Fields that are not plugins");
            out.println("  pools[] (each replica pool)");
            settings(out, BuiltinFields.POOL, "");
            out.println("  sink (the run's SLOs and metrics)");
            settings(out, BuiltinFields.SINK, "");
            out.println("  pipeline");
            settings(out, BuiltinFields.PIPELINE, "");
        }
        return 0;
    }

    private static void settings(PrintWriter out, List<SettingInfo> infos, String prefix) {
        for (SettingInfo s : infos) {
            out.printf(Locale.ROOT, "      %-24s = %-12s %s%s%n", prefix + s.name(),
                    s.defaultValue() == null ? "unset" : s.defaultValue(), s.summary(),
                    s.unit().isEmpty() ? "" : " [" + s.unit() + "]");
        }
    }

    private static Map<String, Object> row(PluginDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("kind", d.kind().prefix());
        m.put("summary", d.summary());
        m.put("source", d.source());
        List<Map<String, Object>> s = new ArrayList<>();
        for (SettingInfo i : d.settings()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", i.name());
            x.put("default", i.defaultValue());
            x.put("unit", i.unit());
            x.put("summary", i.summary());
            s.add(x);
        }
        m.put("settings", s);
        return m;
    }
}
