package dev.servelab.app.gui;

import dev.servelab.app.data.RunData;
import dev.servelab.app.run.PipelineRunner;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.RunStatus;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the open pipeline off the JavaFX thread, samples its progress once per frame, and loads
 * finished runs (and runs picked in the browser) into the result views.
 */
public final class RunActions {
    private final Workbench wb;
    private final WorkbenchServices services;
    private final MainWindow w;
    private final boolean scripted;
    private PipelineRunner current;
    private long requestLimit;
    private final AnimationTimer sampler = new AnimationTimer() {
        private dev.servelab.engine.run.RunProgress last;

        /** Samples once per frame; the labels change only when the engine published a new snapshot. */
        @Override
        public void handle(long now) {
            if (current == null) return;
            var p = current.progress();
            if (p == null) wb.run().preparing(current.phase());
            else if (p != last) wb.run().update(p);
            last = p;
        }
    };
    private volatile CompletableFuture<RunData> shownRun = new CompletableFuture<>();
    /** The run being opened (its details load in the background), 0 when none; a newer open supersedes it. */
    private long opening;

    /** Run commands over the window's view models; {@code scripted}: errors go to stderr, not dialogs. */
    RunActions(Workbench wb, WorkbenchServices services, MainWindow w, boolean scripted) {
        this.wb = wb;
        this.services = services;
        this.w = w;
        this.scripted = scripted;
        // Esc cancels a running run whichever control has the focus (a filter sees the key before any control)
        w.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && current != null) {
                cancel();
                e.consume();
            }
        });
        wb.editor().fileProperty().addListener((o, a, b) -> {
            if (current == null) wb.run().idle(b == null ? null : b.getFileName().toString());
        });
    }

    /** True while a run's details are loading (Run is refused meanwhile, so keys pressed now start nothing). */
    public boolean isOpening() {
        return opening != 0;
    }

    /** Completes with the run shown after the last {@link #run()} or {@link #openRun}, for scripted use. */
    public CompletableFuture<RunData> shownRun() {
        return shownRun;
    }

    /** A fresh future for the next run shown (after the next {@link #run()} or {@link #openRun}). */
    public CompletableFuture<RunData> expectShownRun() {
        CompletableFuture<RunData> f = new CompletableFuture<>();
        shownRun = f;
        return f;
    }

    /** Runs use at most {@code n} requests of the workload (0 = all), as {@code run --requests} (the {@code gui --requests} option). */
    public void limitRequests(long n) {
        requestLimit = Math.max(0, n);
    }

    public void run() {
        if (current != null) return;
        if (opening != 0) {
            wb.run().finished("Not run: still opening run " + opening + " (press Run again when it is shown)");
            return;
        }
        if (wb.editor().hasErrors()) {
            w.showView("editor");
            wb.editor().problems().stream().filter(p -> p.error()).findFirst()
                    .ifPresent(p -> wb.run().finished("Not run: " + p.message()));
            alert("The pipeline has problems", String.join("\n", wb.editor().problems().stream().filter(p -> p.error()).map(Object::toString).toList()));
            shownRun.completeExceptionally(new ServeLabException("pipeline has problems"));
            return;
        }
        Path file = wb.editor().fileProperty().get();
        Path base = file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
        current = PipelineRunner.start(wb.editor().tree(), wb.editor().name(), base, services.store().db(), services.plugins(),
                wb.run().modeProperty().get(), wb.run().speedProperty().get(), requestLimit);
        wb.run().started(wb.editor().name());
        sampler.start();
        current.outcome().whenComplete((out, err) -> Platform.runLater(() -> finished(out, err)));
    }

    public void cancel() {
        if (current != null) current.cancel();
    }

    public boolean isRunning() {
        return current != null;
    }

    private void finished(RunOutcome out, Throwable err) {
        sampler.stop();
        boolean started = current.progress() != null;
        if (started) wb.run().update(current.progress());
        current = null;
        refreshRuns();
        if (err != null) {
            wb.run().finished((started ? "Failed: " : "Not run: ") + message(err));
            if (!started) alert("Cannot run the pipeline", message(err));
            shownRun.completeExceptionally(err);
            return;
        }
        if (out.status() != RunStatus.COMPLETED) {
            wb.run().finished("Run " + out.runId() + " " + out.status().dbValue() + ": " + out.error());
            return;
        }
        wb.run().finished("Completed run " + out.runId());
        openRun(out.runId());
        if (w.editorActive()) w.showView("sla");
    }

    /**
     * Opens a stored run in two steps off the JavaFX thread: its row first (the SLA view's headline table
     * shows within milliseconds, and the SLA view is selected when a result view is not already), then its
     * details (requests, token times, iterations, buckets) for the charts, timeline and cache views, with
     * the status bar saying what loads. A newer open supersedes this one.
     */
    public void openRun(long id) {
        CompletableFuture<RunData> f = shownRun.isDone() ? new CompletableFuture<>() : shownRun;
        shownRun = f;
        opening = id;
        wb.run().loading("Opening run " + id + "…", 0.05);
        services.background().load(() -> services.store().head(id), head -> {
            if (opening != id) return;
            wb.showHead(head);
            if (w.editorActive() || w.runsActive()) w.showView("sla");
            wb.run().loading(String.format(java.util.Locale.ROOT, "Loading run %d's details (%,d requests)…", id,
                    (long) head.summary().get("completed")), 0.3);
            services.background().load(() -> wb.load(head), l -> {
                if (opening != id) return;
                opening = 0;
                wb.show(l);
                wb.run().loaded("Showing run " + id + " " + head.info().name());
                f.complete(l.data());
            }, e -> failedOpen(id, e, f));
        }, e -> failedOpen(id, e, f));
    }

    private void failedOpen(long id, Throwable e, CompletableFuture<RunData> f) {
        if (opening == id) opening = 0;
        wb.run().loaded("Cannot load run " + id + ": " + message(e));
        alert("Cannot load run " + id, message(e));
        f.completeExceptionally(e);
    }

    public CompletableFuture<List<RunData>> compare(List<Long> ids) {
        CompletableFuture<List<RunData>> done = new CompletableFuture<>();
        services.background().load(() -> {
            List<RunData> l = new ArrayList<>();
            for (long id : ids) l.add(services.store().load(id));
            return java.util.Map.entry(l, dev.servelab.app.sla.SlaViewModel.prepare(l));
        }, e2 -> {
            List<RunData> l = e2.getKey();
            wb.runs().compare(l, e2.getValue());
            done.complete(l);
        }, e -> {
            alert("Cannot compare runs", message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    /** Sim vs live: {@code ids} = [live run, simulated run]; overlays their CDFs and fills the error table. */
    public CompletableFuture<List<RunData>> compareModes(List<Long> ids) {
        CompletableFuture<List<RunData>> done = new CompletableFuture<>();
        services.background().load(() -> {
            List<RunData> l = List.of(services.store().load(ids.get(0)), services.store().load(ids.get(1)));
            return java.util.Map.entry(l, dev.servelab.app.sla.SlaViewModel.prepare(l));
        }, e2 -> {
            List<RunData> l = e2.getKey();
            wb.runs().compareModes(l.get(0), l.get(1), e2.getValue());
            done.complete(l);
        }, e -> {
            alert("Cannot compare live and simulated runs", message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    /** Re-reads the runs list in the background (the list preloaded at start-up the first time). */
    public CompletableFuture<Void> refreshRuns() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        services.background().load(() -> services.startup().takeRuns().orElseGet(() -> services.store().runs()), l -> {
            wb.runs().setRuns(l);
            done.complete(null);
        }, e -> {
            wb.run().finished("Run store: " + message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    private static String message(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    private void alert(String header, String msg) {
        if (scripted) {
            System.err.println("error: " + header + ": " + msg);
            return;
        }
        Alert a = new Alert(Alert.AlertType.ERROR, msg);
        a.setHeaderText(header);
        if (w.getScene() != null) a.initOwner(w.getScene().getWindow());
        a.show();
    }
}
