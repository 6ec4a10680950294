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
    public final dev.servelab.app.devices.DevicesViewModel devices = new dev.servelab.app.devices.DevicesViewModel(
            dev.servelab.hw.remote.DeviceRegistry.standard(), dev.servelab.hw.remote.ProbePlan.standard(), javafx.application.Platform::runLater);
    public final ObjectProperty<RunData> shown = new SimpleObjectProperty<>();

    public Workbench(PluginRegistry registry, Path db) {
        this.registry = registry;
        this.reader = new RunReader(db);
        this.editor = new EditorViewModel(new SettingsCatalog(registry));
        run.modes.setAll(dev.servelab.app.run.ExecutionMode.found());
        editor.liveExecutor.bind(javafx.beans.binding.Bindings.createStringBinding(() -> run.mode.get().executor(), run.mode));
    }

    /** A run read from the store with its SLA charts computed, ready to show. */
    public record Loaded(RunData data, SlaViewModel.Prepared sla) {
    }

    /** Reads a run and computes its charts: slow work for a background thread. */
    public Loaded load(long runId) {
        RunData d = reader.load(runId);
        return new Loaded(d, SlaViewModel.prepare(List.of(d)));
    }

    public void show(Loaded l) {
        show(l.data(), l.sla());
    }

    /** Shows a loaded run in the SLA, timeline and cache views. */
    public void show(RunData d) {
        show(d, SlaViewModel.prepare(List.of(d)));
    }

    private void show(RunData d, SlaViewModel.Prepared p) {
        shown.set(d);
        sla.show(p);
        timeline.show(d.tokens(), d.iterations(), dev.servelab.app.data.PoolNames.of(d.info().pipelineJson(), d.info().replicas()));
        timeline.title.set(String.format(java.util.Locale.ROOT, "Run #%d %s · %,d of %,d requests with token times · %,d tokens",
                d.info().runId(), d.info().name(), d.tokens().rows(), d.requests().size(), d.tokens().totalTokens()));
        cache.show(d.buckets(), d.requests(), "run #" + d.info().runId() + " " + d.info().name());
    }

    public void refreshRuns() {
        runs.setRuns(reader.runs());
    }
}
