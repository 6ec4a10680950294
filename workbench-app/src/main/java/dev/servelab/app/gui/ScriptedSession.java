package dev.servelab.app.gui;

import dev.servelab.app.data.RunData;
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
    private final GuiOptions o;
    private final Stage stage;

    ScriptedSession(MainWindow w, GuiOptions o, Stage stage) {
        this.w = w;
        this.o = o;
        this.stage = stage;
    }

    void start() {
        if (o.bench()) {
            bench();
            return;
        }
        CompletableFuture<?> ready;
        if (o.run() && o.shootAt() > 0 && o.screenshot() != null) {
            w.running.run();
            PauseTransition p = new PauseTransition(Duration.seconds(o.shootAt()));
            p.setOnFinished(e -> {
                shoot();
                w.running.cancel();
            });
            p.play();
            return;
        } else if (o.run()) {
            ready = w.running.shownRun;
            w.running.run();
        } else if (o.simVsLive()) {
            for (var r : w.wb.runs.runs) if (o.compare().contains(r.id())) w.runs().table.getSelectionModel().select(r);
            var pair = w.wb.runs.simLivePair();
            if (pair.isEmpty()) {
                WorkbenchApp.fail(o, "--sim-vs-live: no live run with a simulated run of the same pipeline in the store");
                return;
            }
            w.runs().table.getSelectionModel().clearSelection();
            for (var r : w.wb.runs.runs) if (pair.get().contains(r.id())) w.runs().table.getSelectionModel().select(r);
            ready = w.running.compareModes(pair.get());
        } else if (o.compare().size() >= 2) {
            List<Long> ids = o.compare();
            for (var r : w.wb.runs.runs) if (ids.contains(r.id())) w.runs().table.getSelectionModel().select(r);
            ready = w.running.compare(ids);
        } else if (o.probe() != null) {
            w.showView("devices");
            w.devices().table.getSelectionModel().clearSelection();
            w.devices().table.getItems().stream().filter(r -> r.name().equals(o.probe())).findFirst()
                    .ifPresent(r -> w.devices().table.getSelectionModel().select(r));
            ready = w.wb.devices.probe(o.probe()).handle((p, e) -> null);
        } else if (!w.wb.runs.runs.isEmpty() && !"editor".equals(o.view()) && !"devices".equals(o.view())) {
            ready = w.running.shownRun;
            w.running.openRun(o.showRun() != null ? o.showRun() : w.wb.runs.runs.getFirst().id());
        } else {
            ready = CompletableFuture.completedFuture(null);
        }
        ready.whenComplete((d, err) -> Platform.runLater(() -> {
            if (err != null) {
                WorkbenchApp.fail(o, "run failed: " + err.getMessage());
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
        long id = o.showRun() != null ? o.showRun() : w.wb.runs.runs.getFirst().id();
        w.showView("timeline");
        long t0 = System.nanoTime();
        Background.load(() -> w.wb.load(id), d -> {
            long loadMillis = (System.nanoTime() - t0) / 1_000_000;
            w.wb.show(d);
            w.timeline().fit();
            new TimelineBench(w).start(loadMillis, t0, report -> {
                System.out.print(report);
                Platform.exit();
            });
        }, e -> WorkbenchApp.fail(o, "cannot load run " + id + ": " + e.getMessage()));
    }

    private void arrange(RunData d) {
        String view = o.view();
        if ("auto".equals(view) && o.probe() != null) view = "devices";
        if ("auto".equals(view)) view = o.compare().size() >= 2 || o.simVsLive() ? "runs" : d != null ? "sla" : "editor";
        w.showView(view);
        if ("editor".equals(view)) {
            w.wb.editor.graph.nodes.stream().filter(n -> n.kind == dev.servelab.app.editor.NodeKind.WORKLOAD).findFirst()
                    .ifPresent(n -> w.wb.editor.selection.setAll(n));
        }
        if ("timeline".equals(view)) {
            Platform.runLater(() -> {
                w.timeline().fit();
                if ("tokens".equals(o.zoom())) w.wb.timeline.zoomToTokens(firstLongRow(), 14);
                if (o.zoom() != null && o.zoom().matches("[0-9.]+s")) {
                    w.wb.timeline.startNanos.set(0);
                    w.wb.timeline.endNanos.set(Double.parseDouble(o.zoom().substring(0, o.zoom().length() - 1)) * 1e9);
                }
            });
        }
        if ("cache".equals(view) && w.wb.cache.buckets.get() != null) {
            var b = w.wb.cache.buckets.get();
            w.wb.cache.select(Math.min(1, b.replicas() - 1), b.buckets() / 2);
        }
    }

    private int firstLongRow() {
        var t = w.wb.timeline.tokens.get();
        for (int r = 0; r < t.rows(); r++) if (t.tokens(r) >= 14) return r;
        return 0;
    }

    private void shoot() {
        try {
            Png.write(stage.getScene(), o.screenshot());
            System.out.println("wrote " + o.screenshot());
            WorkbenchApp.exitCode = 0;
        } catch (IOException e) {
            System.err.println("error: " + o.screenshot() + ": " + e.getMessage());
            WorkbenchApp.exitCode = 1;
        }
        Platform.exit();
    }
}
