package dev.servelab.app.gui;

import dev.servelab.app.budget.BudgetPanel;
import dev.servelab.app.cache.HitMapView;
import dev.servelab.app.devices.DevicesView;
import dev.servelab.app.editor.EditorView;
import dev.servelab.app.experiments.ExperimentsView;
import dev.servelab.app.experiments.ExperimentsViewModel;
import dev.servelab.app.experiments.AxisDraft;
import dev.servelab.app.experiments.PipelineSource;
import dev.servelab.app.editor.VaryRequest;
import dev.servelab.app.run.RunBar;
import dev.servelab.app.ab.AbView;
import dev.servelab.app.ab.AbViewModel;
import dev.servelab.app.runs.RunsView;
import dev.servelab.app.sla.SlaView;
import dev.servelab.app.timeline.TimelineView;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's layout: toolbar, tabs (pipeline, SLA, timeline, cache, runs, devices) and the run status
 * bar. Result views are built when first shown. The window gets its services once, builds the view
 * models from them ({@link Workbench}) and hands each view and action what it needs.
 */
public final class MainWindow extends BorderPane {
    private final WorkbenchServices services;
    private final Workbench wb;
    private final EditorView editor;
    private final RunBar runBar;
    private final TabPane tabs = new TabPane();
    private final FileActions files;
    private final RunActions running;
    private final LazyView<SlaView> sla;
    private final LazyView<TimelineView> timeline;
    private final LazyView<HitMapView> cache;
    private final LazyView<RunsView> runs;
    private final LazyView<DevicesView> devices;
    private final LazyView<ExperimentsView> experiments;
    private final ExperimentsViewModel experimentsVm;
    private final LazyView<AbView> ab;
    private final BudgetPanel budget;

    /** The window over these services; {@code scripted}: errors go to stderr instead of dialogs. */
    public MainWindow(WorkbenchServices services, boolean scripted) {
        this.services = services;
        this.wb = new Workbench(services);
        getStyleClass().add("main-window");
        editor = new EditorView(wb.editor());
        files = new FileActions(wb.editor(), services.recentFiles(), this);
        running = new RunActions(wb, services, this, scripted);
        BooleanProperty dark = services.theme().dark();
        sla = new LazyView<>("SLA", "mdi2c-chart-bell-curve-cumulative", () -> new SlaView(wb.sla()));
        timeline = new LazyView<>("Timeline", "mdi2c-chart-gantt", () -> {
            TimelineView v = themed(new TimelineView(wb.timeline()), dark);
            v.setOnExportTrace(() -> ResultExports.chromeTrace(v, wb));
            return v;
        });
        cache = new LazyView<>("Cache", "mdi2g-grid", () -> themed(new HitMapView(wb.cache(), this::showRequest), dark));
        runs = new LazyView<>("Runs", "mdi2t-table-multiple", () -> {
            RunsView v = new RunsView(wb.runs(), running::openRun, running::compare, running::compareModes, running::refreshRuns);
            v.setOnExportTable((id, what) -> ResultExports.table(v, services.store(), id, what));
            return v;
        });
        devices = new LazyView<>("Devices", "mdi2d-devices", () -> new DevicesView(wb.devices()));
        experimentsVm = new ExperimentsViewModel(services.store().db(), services.plugins(), javafx.application.Platform::runLater);
        experiments = new LazyView<>("Experiments", "mdi2f-flask-outline", () -> themed(new ExperimentsView(experimentsVm,
                () -> new PipelineSource(wb.editor().tree(), wb.editor().fileProperty().get(), wb.editor().name()), this::openPointRun), dark));
        editor.properties().setOnVary(this::vary);
        ab = new LazyView<>("A/B", "mdi2s-scale-balance", () -> new AbView(new AbViewModel(services.store().db())));
        runBar = new RunBar(wb.run(), running::cancel);
        budget = new BudgetPanel(wb.editor(), r -> Thread.ofVirtual().name("servelab-budget").start(r), javafx.application.Platform::runLater);
        budget.setExpanded(true);
        BorderPane editorPane = new BorderPane(editor);
        editorPane.setBottom(budget);
        Tab pipeline = new Tab("Pipeline", editorPane);
        pipeline.setGraphic(new FontIcon("mdi2g-graph-outline"));
        pipeline.setId("tab-pipeline");
        tabs.getTabs().addAll(pipeline, sla.tab, timeline.tab, cache.tab, runs.tab, devices.tab, experiments.tab, ab.tab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(new MainToolbar(this));
        setCenter(tabs);
        setBottom(runBar);
    }

    /** Canvas views draw their own text and background: follow the light/dark theme. */
    private static TimelineView themed(TimelineView v, BooleanProperty dark) {
        Runnable apply = () -> v.canvas().setColors(dark.get() ? Color.web("#c9d1d9") : Color.web("#444"),
                dark.get() ? Color.web("#0d1117") : Color.WHITE);
        dark.addListener(o -> apply.run());
        apply.run();
        return v;
    }

    private static HitMapView themed(HitMapView v, BooleanProperty dark) {
        Runnable apply = () -> v.heatMap().setTextColor(dark.get() ? Color.web("#c9d1d9") : Color.web("#444"));
        dark.addListener(o -> apply.run());
        apply.run();
        return v;
    }

    /** "Vary" in the property sheet: an axis of the experiment being composed (the seed row sets its seeds). */
    private void vary(VaryRequest r) {
        if (r.path().equals("seed")) {
            experimentsVm.draft().seeds().set(String.join(", ", r.values()));
        } else {
            experimentsVm.draft().addAxis(AxisDraft.of(r.path(), r.values()));
        }
        wb.run().loaded("Experiment: varying " + r.path() + " over " + String.join(", ", r.values())
                + " (" + experimentsVm.draft().axes().size() + " axes; run it in the Experiments tab)");
    }

    /** A point of an experiment: its run in the SLA view. */
    private void openPointRun(long runId) {
        running.openRun(runId);
        showView("sla");
    }

    private static ExperimentsView themed(ExperimentsView v, BooleanProperty dark) {
        Runnable apply = () -> v.heatMap().setTextColor(dark.get() ? Color.web("#c9d1d9") : Color.web("#24292f"));
        dark.addListener(o -> apply.run());
        apply.run();
        return v;
    }

    /** Shows request {@code id} in the timeline (from the cache view's request table). */
    public void showRequest(long id) {
        showView("timeline");
        TimelineView v = timeline.get();
        javafx.application.Platform.runLater(() -> v.goTo(id));
    }

    /** What the window reaches outside itself. */
    public WorkbenchServices services() {
        return services;
    }

    /** The view models of the window's views. */
    public Workbench workbench() {
        return wb;
    }

    /** The memory / KV budget of the selected pool, under the editor. */
    public BudgetPanel budget() {
        return budget;
    }

    public EditorView editor() {
        return editor;
    }

    public RunBar runBar() {
        return runBar;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Open, save, new: the file commands. */
    public FileActions files() {
        return files;
    }

    /** Run, cancel, open and compare runs: the run commands. */
    public RunActions running() {
        return running;
    }

    public SlaView sla() {
        return sla.get();
    }

    public TimelineView timeline() {
        return timeline.get();
    }

    public HitMapView cache() {
        return cache.get();
    }

    public RunsView runs() {
        return runs.get();
    }

    public DevicesView devices() {
        return devices.get();
    }

    public ExperimentsView experiments() {
        return experiments.get();
    }

    /** The Experiments tab's state (the experiment being composed), built with the window. */
    public ExperimentsViewModel experimentsModel() {
        return experimentsVm;
    }

    /** Selects a view by name: editor, sla, timeline, cache, runs, devices, experiments or ab. */
    public void showView(String name) {
        int i = switch (name) {
            case "sla" -> 1;
            case "timeline" -> 2;
            case "cache" -> 3;
            case "runs" -> 4;
            case "devices" -> 5;
            case "experiments" -> 6;
            case "ab" -> 7;
            default -> 0;
        };
        tabs.getSelectionModel().select(i);
    }

    public boolean runsActive() {
        return tabs.getSelectionModel().getSelectedIndex() == 4;
    }

    public boolean editorActive() {
        return tabs.getSelectionModel().getSelectedIndex() == 0;
    }
}
