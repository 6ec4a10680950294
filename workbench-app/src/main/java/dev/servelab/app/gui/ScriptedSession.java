package dev.servelab.app.gui;

import dev.servelab.app.data.RunData;
import dev.servelab.app.export.Png;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code --run} and {@code --screenshot}: runs the pipeline (or opens the latest run), shows the
 * requested view, waits for it to settle, writes the PNG and exits.
 */
final class ScriptedSession {
    private final MainWindow w;
    private final Workbench wb;
    private final GuiOptions o;
    private final Stage stage;
    private final WorkbenchApp app;

    ScriptedSession(MainWindow w, GuiOptions o, Stage stage, WorkbenchApp app) {
        this.w = w;
        this.wb = w.workbench();
        this.o = o;
        this.stage = stage;
        this.app = app;
    }

    void start() {
        if (o.bench()) {
            bench();
            return;
        }
        CompletableFuture<?> ready;
        if (o.run() && o.shootAt() > 0 && o.screenshot() != null) {
            w.running().run();
            PauseTransition p = new PauseTransition(Duration.seconds(o.shootAt()));
            p.setOnFinished(e -> {
                shoot();
                w.running().cancel();
            });
            p.play();
            return;
        } else if (o.run()) {
            ready = w.running().shownRun();
            w.running().run();
        } else if (o.simVsLive()) {
            for (var r : wb.runs().runs()) if (o.compare().contains(r.id())) w.runs().table().getSelectionModel().select(r);
            var pair = wb.runs().simLivePair();
            if (pair.isEmpty()) {
                app.fail("--sim-vs-live: no live run with a simulated run of the same pipeline in the store");
                return;
            }
            w.runs().table().getSelectionModel().clearSelection();
            for (var r : wb.runs().runs()) if (pair.get().contains(r.id())) w.runs().table().getSelectionModel().select(r);
            ready = w.running().compareModes(pair.get());
        } else if (o.compare().size() >= 2) {
            List<Long> ids = o.compare();
            for (var r : wb.runs().runs()) if (ids.contains(r.id())) w.runs().table().getSelectionModel().select(r);
            ready = w.running().compare(ids);
        } else if (o.probe() != null) {
            w.showView("devices");
            w.devices().table().getSelectionModel().clearSelection();
            w.devices().table().getItems().stream().filter(r -> r.name().equals(o.probe())).findFirst()
                    .ifPresent(r -> w.devices().table().getSelectionModel().select(r));
            ready = wb.devices().probe(o.probe()).handle((p, e) -> null);
        } else if ("experiments".equals(o.view())) {
            w.showView("experiments");
            ready = o.experiment() != null ? w.experiments().show(o.experiment()) : w.experiments().refresh();
        } else if (!wb.runs().runs().isEmpty() && !"editor".equals(o.view()) && !"devices".equals(o.view())) {
            ready = w.running().shownRun();
            w.running().openRun(o.showRun() != null ? o.showRun() : wb.runs().runs().getFirst().id());
        } else {
            ready = CompletableFuture.completedFuture(null);
        }
        ready.whenComplete((d, err) -> Platform.runLater(() -> {
            if (err != null) {
                app.fail("run failed: " + err.getMessage());
                return;
            }
            if (!o.scripted()) return;
            arrange(d instanceof RunData rd ? rd : null);
            PauseTransition p = new PauseTransition(Duration.millis(900));
            p.setOnFinished(e -> shoot());
            p.play();
        }));
    }

    private void bench() {
        long id = o.showRun() != null ? o.showRun() : wb.runs().runs().getFirst().id();
        w.showView("timeline");
        long t0 = System.nanoTime();
        w.services().background().load(() -> wb.load(id), d -> {
            long loadMillis = (System.nanoTime() - t0) / 1_000_000;
            wb.show(d);
            w.timeline().fit();
            new TimelineBench(w).start(loadMillis, t0, report -> {
                app.out().print(report);
                app.exit(0);
            });
        }, e -> app.fail("cannot load run " + id + ": " + e.getMessage()));
    }

    private void arrange(RunData d) {
        String view = o.view();
        if ("auto".equals(view) && o.probe() != null) view = "devices";
        if ("auto".equals(view)) view = o.compare().size() >= 2 || o.simVsLive() ? "runs" : d != null ? "sla" : "editor";
        w.showView(view);
        if ("editor".equals(view)) {
            wb.editor().graph().nodes.stream().filter(n -> n.kind == dev.servelab.app.editor.NodeKind.WORKLOAD).findFirst()
                    .ifPresent(n -> wb.editor().selection().setAll(n));
        }
        if ("experiments".equals(view)) w.experiments().adoptShown();
        if ("timeline".equals(view)) {
            Platform.runLater(() -> {
                w.timeline().fit();
                if ("tokens".equals(o.zoom())) wb.timeline().zoomToTokens(firstLongRow(), 14);
                if (o.zoom() != null && o.zoom().matches("[0-9.]+s")) {
                    wb.timeline().setWindow(0, Double.parseDouble(o.zoom().substring(0, o.zoom().length() - 1)) * 1e9);
                }
                if (o.zoom() != null && o.zoom().matches("request:[0-9]+")) w.timeline().goTo(Long.parseLong(o.zoom().substring(8)));
                if ("slowest".equals(o.zoom())) {
                    w.timeline().slowestToggle().setSelected(true);
                    var table = w.timeline().slowestTable();
                    if (!table.getItems().isEmpty()) table.getSelectionModel().select(0);
                }
            });
        }
        if ("cache".equals(view) && wb.cache().bucketsProperty().get() != null) {
            var b = wb.cache().bucketsProperty().get();
            wb.cache().select(Math.min(1, b.replicas() - 1), b.buckets() / 2);
        }
    }

    private int firstLongRow() {
        var t = wb.timeline().tokensProperty().get();
        for (int r = 0; r < t.rows(); r++) if (t.tokens(r) >= 14) return r;
        return 0;
    }

    private void shoot() {
        if (w.tabs().getSelectionModel().getSelectedIndex() == 2) {
            // a loaded machine may fire the shot before the canvas repainted at its final size: lay out, then paint now
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            w.timeline().canvas().paint();
        }
        try {
            Png.write(stage.getScene(), o.screenshot());
            app.out().println("wrote " + o.screenshot());
            app.exit(0);
        } catch (IOException e) {
            System.err.println("error: " + o.screenshot() + ": " + e.getMessage());
            app.exit(1);
        }
    }
}
