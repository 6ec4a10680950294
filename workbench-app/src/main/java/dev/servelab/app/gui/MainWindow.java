package dev.servelab.app.gui;

import dev.servelab.app.cache.HitMapView;
import dev.servelab.app.editor.EditorView;
import dev.servelab.app.run.RunBar;
import dev.servelab.app.runs.RunsView;
import dev.servelab.app.sla.SlaView;
import dev.servelab.app.timeline.TimelineView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's layout: toolbar, tabs (pipeline, SLA, timeline, cache, runs) and the run status bar. */
public final class MainWindow extends BorderPane {
    public final Workbench wb;
    public final EditorView editor;
    public final SlaView sla;
    public final TimelineView timeline;
    public final HitMapView cache;
    public final RunsView runs;
    public final RunBar runBar;
    public final TabPane tabs = new TabPane();
    public final FileActions files;
    public final RunActions running;

    public MainWindow(Workbench wb) {
        this.wb = wb;
        getStyleClass().add("main-window");
        editor = new EditorView(wb.editor);
        sla = new SlaView(wb.sla);
        timeline = new TimelineView(wb.timeline);
        cache = new HitMapView(wb.cache);
        files = new FileActions(this);
        running = new RunActions(this);
        runs = new RunsView(wb.runs, running::openRun, running::compare, running::refreshRuns);
        runBar = new RunBar(wb.run, running::cancel);
        tabs.getTabs().addAll(tab("Pipeline", "mdi2g-graph-outline", editor), tab("SLA", "mdi2c-chart-bell-curve-cumulative", sla),
                tab("Timeline", "mdi2c-chart-gantt", timeline), tab("Cache", "mdi2g-grid", cache),
                tab("Runs", "mdi2t-table-multiple", runs));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(new MainToolbar(this));
        setCenter(tabs);
        setBottom(runBar);
    }

    private static Tab tab(String name, String icon, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setGraphic(new FontIcon(icon));
        t.setId("tab-" + name.toLowerCase());
        return t;
    }

    /** Selects a view by name: editor, sla, timeline, cache or runs. */
    public void showView(String name) {
        int i = switch (name) {
            case "sla" -> 1;
            case "timeline" -> 2;
            case "cache" -> 3;
            case "runs" -> 4;
            default -> 0;
        };
        tabs.getSelectionModel().select(i);
    }

    public boolean editorActive() {
        return tabs.getSelectionModel().getSelectedIndex() == 0;
    }
}
