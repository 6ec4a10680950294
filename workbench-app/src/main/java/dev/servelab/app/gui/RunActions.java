package dev.servelab.app.gui;

import dev.servelab.app.data.RunData;
import dev.servelab.app.run.PipelineRunner;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.RunStatus;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Alert;

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
            if (p != last) wb.run().update(p);
            last = p;
        }
    };
    private volatile CompletableFuture<RunData> shownRun = new CompletableFuture<>();

    /** Run commands over the window's view models; {@code scripted}: errors go to stderr, not dialogs. */
    RunActions(Workbench wb, WorkbenchServices services, MainWindow w, boolean scripted) {
        this.wb = wb;
        this.services = services;
        this.w = w;
        this.scripted = scripted;
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
        try {
            current = PipelineRunner.start(wb.editor().tree(), wb.editor().name(), base, services.store().db(), services.plugins(),
                    wb.run().modeProperty().get(), wb.run().speedProperty().get(), requestLimit);
        } catch (ServeLabException e) {
            alert("Cannot run the pipeline", e.getMessage());
            shownRun.completeExceptionally(e);
            return;
        }
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
        wb.run().update(current.progress());
        current = null;
        refreshRuns();
        if (err != null) {
            wb.run().finished("Failed: " + message(err));
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

    public void openRun(long id) {
        CompletableFuture<RunData> f = shownRun.isDone() ? new CompletableFuture<>() : shownRun;
        shownRun = f;
        services.background().load(() -> wb.load(id), l -> {
            wb.show(l);
            f.complete(l.data());
        }, e -> {
            alert("Cannot load run " + id, message(e));
            f.completeExceptionally(e);
        });
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

    public void refreshRuns() {
        try {
            var preloaded = services.startup().takeRuns();
            if (preloaded.isPresent()) {
                wb.runs().setRuns(preloaded.get());
                return;
            }
            wb.refreshRuns();
        } catch (ServeLabException e) {
            wb.run().finished("Run store: " + e.getMessage());
        }
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
