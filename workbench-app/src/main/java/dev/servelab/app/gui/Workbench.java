package dev.servelab.app.gui;

import dev.servelab.app.cache.HitMapViewModel;
import dev.servelab.app.data.PoolNames;
import dev.servelab.app.data.RunData;
import dev.servelab.app.data.RunHead;
import dev.servelab.app.devices.DevicesViewModel;
import dev.servelab.app.editor.EditorViewModel;
import dev.servelab.app.editor.SettingsCatalog;
import dev.servelab.app.run.ExecutionMode;
import dev.servelab.app.run.RunViewModel;
import dev.servelab.app.runs.RunsViewModel;
import dev.servelab.app.sla.SlaViewModel;
import dev.servelab.app.timeline.SlowRequest;
import dev.servelab.app.timeline.TimelineViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.Locale;

/**
 * The workbench's view models, built from the {@link WorkbenchServices} and shared by the window's views
 * and actions; {@link #show} puts a loaded run into the SLA, timeline and cache views at once.
 */
public final class Workbench {
    /** The slowest requests listed per metric in the timeline. */
    static final int SLOWEST = 100;
    private final WorkbenchServices services;
    private final EditorViewModel editor;
    private final RunViewModel run = new RunViewModel();
    private final SlaViewModel sla = new SlaViewModel();
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final HitMapViewModel cache = new HitMapViewModel();
    private final RunsViewModel runs = new RunsViewModel();
    private final DevicesViewModel devices;
    private final ReadOnlyObjectWrapper<RunData> shown = new ReadOnlyObjectWrapper<>();

    public Workbench(WorkbenchServices services) {
        this.services = services;
        this.devices = new DevicesViewModel(services.devices(), services.probePlan(), Platform::runLater);
        this.editor = new EditorViewModel(new SettingsCatalog(services.plugins()));
        editor.runSlowChecksOn(r -> Thread.ofVirtual().name("servelab-check").start(r), Platform::runLater);
        run.offer(ExecutionMode.found());
        editor.liveExecutorProperty().bind(Bindings.createStringBinding(() -> run.modeProperty().get().executor(), run.modeProperty()));
    }

    public EditorViewModel editor() {
        return editor;
    }

    public RunViewModel run() {
        return run;
    }

    public SlaViewModel sla() {
        return sla;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public HitMapViewModel cache() {
        return cache;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public DevicesViewModel devices() {
        return devices;
    }

    /** The run the result views show, or null. */
    public ReadOnlyObjectProperty<RunData> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** A run read from the store with its SLA charts computed, ready to show. */
    public record Loaded(RunData data, SlaViewModel.Prepared sla, List<SlowRequest> slowest) {
    }

    /** Reads a run and computes its charts: slow work for a background thread. */
    public Loaded load(long runId) {
        return load(services.store().head(runId));
    }

    /** Reads the details of a run whose head is read, and computes its charts (background thread). */
    public Loaded load(RunHead head) {
        RunData d = services.store().load(head);
        return new Loaded(d, SlaViewModel.prepare(List.of(d)), SlowRequest.of(d.requests(), d.tokens(), SLOWEST));
    }

    /** Shows a run's headline numbers while its details load. */
    public void showHead(RunHead head) {
        sla.showHead(head);
    }

    public void show(Loaded l) {
        show(l.data(), l.sla(), l.slowest());
    }

    /** Shows a loaded run in the SLA, timeline and cache views. */
    public void show(RunData d) {
        show(d, SlaViewModel.prepare(List.of(d)), SlowRequest.of(d.requests(), d.tokens(), SLOWEST));
    }

    private void show(RunData d, SlaViewModel.Prepared p, List<SlowRequest> slow) {
        shown.set(d);
        timeline.showExtras(slow, d.events());
        sla.show(p);
        timeline.show(d.tokens(), d.iterations(), PoolNames.of(d.info().pipelineJson(), d.info().replicas()),
                String.format(Locale.ROOT, "Run #%d %s · %,d of %,d requests with token times · %,d tokens",
                        d.info().runId(), d.info().name(), d.tokens().rows(), d.requests().size(), d.tokens().totalTokens()));
        cache.show(d.buckets(), d.requests(), "run #" + d.info().runId() + " " + d.info().name());
    }
}
