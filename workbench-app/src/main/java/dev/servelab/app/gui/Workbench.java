package dev.servelab.app.gui;

import dev.servelab.app.cache.HitMapViewModel;
import dev.servelab.app.data.RunData;
import dev.servelab.app.data.RunReader;
import dev.servelab.app.editor.EditorViewModel;
import dev.servelab.app.editor.SettingsCatalog;
import dev.servelab.app.run.RunViewModel;
import dev.servelab.app.runs.RunsViewModel;
import dev.servelab.app.sla.SlaViewModel;
import dev.servelab.app.timeline.TimelineViewModel;
import dev.servelab.engine.plugin.PluginRegistry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.List;

/** The workbench's view models and the run store they read, shared by the window's views. */
public final class Workbench {
    public final PluginRegistry registry;
    public final RunReader reader;
    public final EditorViewModel editor;
    public final RunViewModel run = new RunViewModel();
    public final SlaViewModel sla = new SlaViewModel();
    public final TimelineViewModel timeline = new TimelineViewModel();
    public final HitMapViewModel cache = new HitMapViewModel();
    public final RunsViewModel runs = new RunsViewModel();
    public final ObjectProperty<RunData> shown = new SimpleObjectProperty<>();

    public Workbench(PluginRegistry registry, Path db) {
        this.registry = registry;
        this.reader = new RunReader(db);
        this.editor = new EditorViewModel(new SettingsCatalog(registry));
    }

    /** Shows a loaded run in the SLA, timeline and cache views. */
    public void show(RunData d) {
        shown.set(d);
        sla.show(List.of(d));
        timeline.show(d.tokens(), d.iterations());
        timeline.title.set(String.format(java.util.Locale.ROOT, "Run #%d %s · %,d of %,d requests with token times · %,d tokens",
                d.info().runId(), d.info().name(), d.tokens().rows(), d.requests().size(), d.tokens().totalTokens()));
        cache.show(d.buckets(), d.requests(), "run #" + d.info().runId() + " " + d.info().name());
    }

    public void refreshRuns() {
        runs.setRuns(reader.runs());
    }
}
