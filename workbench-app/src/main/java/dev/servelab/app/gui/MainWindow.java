package dev.servelab.app.gui;

import dev.servelab.app.cache.HitMapView;
import dev.servelab.app.devices.DevicesView;
import dev.servelab.app.editor.EditorView;
import dev.servelab.app.run.RunBar;
import dev.servelab.app.runs.RunsView;
import dev.servelab.app.sla.SlaView;
import dev.servelab.app.timeline.TimelineView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's layout: toolbar, tabs (pipeline, SLA, timeline, cache, runs, devices) and the run status
 * bar. Result views are built when first shown.
 */
public final class MainWindow extends BorderPane {
    public final Workbench wb;
    public final EditorView editor;
    public final RunBar runBar;
    public final TabPane tabs = new TabPane();
    public final FileActions files;
    public final RunActions running;
    private final LazyView<SlaView> sla;
    private final LazyView<TimelineView> timeline;
    private final LazyView<HitMapView> cache;
    private final LazyView<RunsView> runs;
    private final LazyView<DevicesView> devices;

    public MainWindow(Workbench wb) {
        this.wb = wb;
        getStyleClass().add("main-window");
        editor = new EditorView(wb.editor);
        files = new FileActions(this);
        running = new RunActions(this);
        sla = new LazyView<>("SLA", "mdi2c-chart-bell-curve-cumulative", () -> new SlaView(wb.sla));
        timeline = new LazyView<>("Timeline", "mdi2c-chart-gantt", () -> themed(new TimelineView(wb.timeline)));
        cache = new LazyView<>("Cache", "mdi2g-grid", () -> themed(new HitMapView(wb.cache)));
        runs = new LazyView<>("Runs", "mdi2t-table-multiple", () -> new RunsView(wb.runs, running::openRun, running::compare, running::compareModes, running::refreshRuns));
        devices = new LazyView<>("Devices", "mdi2d-devices", () -> new DevicesView(wb.devices));
        runBar = new RunBar(wb.run, running::cancel);
        Tab pipeline = new Tab("Pipeline", editor);
        pipeline.setGraphic(new FontIcon("mdi2g-graph-outline"));
        pipeline.setId("tab-pipeline");
        tabs.getTabs().addAll(pipeline, sla.tab, timeline.tab, cache.tab, runs.tab, devices.tab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(new MainToolbar(this));
        setCenter(tabs);
        setBottom(runBar);
    }

    /** Canvas views draw their own text and background: follow the light/dark theme. */
    private static TimelineView themed(TimelineView v) {
        Runnable apply = () -> v.canvas.setColors(Theme.DARK.get() ? javafx.scene.paint.Color.web("#c9d1d9") : javafx.scene.paint.Color.web("#444"),
                Theme.DARK.get() ? javafx.scene.paint.Color.web("#0d1117") : javafx.scene.paint.Color.WHITE);
        Theme.DARK.addListener(o -> apply.run());
        apply.run();
        return v;
    }

    private static HitMapView themed(HitMapView v) {
        Runnable apply = () -> v.heatMap.setTextColor(Theme.DARK.get() ? javafx.scene.paint.Color.web("#c9d1d9") : javafx.scene.paint.Color.web("#444"));
        Theme.DARK.addListener(o -> apply.run());
        apply.run();
        return v;
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

    /** Selects a view by name: editor, sla, timeline, cache, runs or devices. */
    public void showView(String name) {
        int i = switch (name) {
            case "sla" -> 1;
            case "timeline" -> 2;
            case "cache" -> 3;
            case "runs" -> 4;
            case "devices" -> 5;
            default -> 0;
        };
        tabs.getSelectionModel().select(i);
    }

    public boolean editorActive() {
        return tabs.getSelectionModel().getSelectedIndex() == 0;
    }
}
