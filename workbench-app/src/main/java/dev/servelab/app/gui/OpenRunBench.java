package dev.servelab.app.gui;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The JavaFX-thread stall benchmark of opening a stored run (docs/PERFORMANCE.md, "Opening a large run"):
 * builds the real window over a run store, keeps a pulse requested every frame (an animation timer) and
 * listens to every pulse ({@link Scene#addPostLayoutPulseListener}); then opens the run from the Runs view
 * as a double-click does, and after the run is shown visits the SLA, Timeline and Cache tabs, one second
 * each. The longest gap between two pulses is the longest time the JavaFX thread could not answer input;
 * it also reports when the first numbers (the SLA view's headline) were on screen.
 * Run with {@code java -cp servelab.jar dev.servelab.app.gui.OpenRunBench DB RUN_ID} (under Xvfb when
 * headless). It uses only the window's public entry points, so the same file compiles against older builds.
 */
public final class OpenRunBench {
    private final MainWindow w;
    private final long runId;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long lastPulse;
    private long maxGap;
    private long phaseMax;
    private long openStart;
    private long firstNumbers;
    private String report = "";

    private OpenRunBench(MainWindow w, long runId) {
        this.w = w;
        this.runId = runId;
    }

    public static void main(String[] args) throws InterruptedException {
        Path db = Path.of(args[0]);
        long runId = Long.parseLong(args[1]);
        Preload preload = Preload.start(db);
        OpenRunBench[] bench = new OpenRunBench[1];
        Platform.startup(() -> {
            WorkbenchServices services = WorkbenchServices.start(preload, db, false);
            MainWindow w = new MainWindow(services, true);
            Scene scene = new Scene(w, 1600, 1000);
            services.theme().style(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            w.files().loadDefault();
            w.running().refreshRuns();
            stage.show();
            bench[0] = new OpenRunBench(w, runId);
            bench[0].start(scene);
        });
        while (bench[0] == null) Thread.sleep(50);
        bench[0].done.await();
        System.err.print(bench[0].report);
        Platform.exit();
        System.exit(0);
    }

    private void start(Scene scene) {
        scene.addPostLayoutPulseListener(this::pulse);
        if (Boolean.getBoolean("bench.stacks")) watchdog(Thread.currentThread());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                // nothing: a running timer makes JavaFX schedule a pulse every frame
            }
        }.start();
        w.showView("runs");
        w.runs();
        after(1.5, () -> {
            phase("idle (Runs view)");
            openStart = System.nanoTime();
            w.workbench().sla().headlineProperty().addListener((o, a, b) -> {
                if (firstNumbers == 0) firstNumbers = System.nanoTime();
            });
            w.running().expectShownRun().whenComplete((d, e) -> Platform.runLater(() -> shown(e)));
            w.running().openRun(runId);
        });
    }

    private void shown(Throwable e) {
        long openMs = (System.nanoTime() - openStart) / 1_000_000;
        report += String.format(Locale.ROOT, "  first numbers on screen after %,d ms (the SLA view's headline)%n",
                (firstNumbers - openStart) / 1_000_000);
        phase(String.format(Locale.ROOT, "open until shown (%,d ms%s)", openMs, e == null ? "" : ", failed: " + e));
        w.showView("sla");
        after(1.0, () -> {
            phase("SLA view");
            w.showView("timeline");
            after(1.0, () -> {
                phase("Timeline view");
                w.showView("cache");
                after(1.0, () -> {
                    phase("Cache view");
                    report += String.format(Locale.ROOT, "longest JavaFX-thread stall overall: %,d ms%n", maxGap / 1_000_000);
                    done.countDown();
                });
            });
        });
    }

    /** With {@code -Dbench.stacks=true}: prints where the JavaFX thread is while a pulse is 150 ms late. */
    private void watchdog(Thread fx) {
        Thread t = new Thread(() -> {
            while (done.getCount() > 0) {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    return;
                }
                long last = lastPulse;
                if (last != 0 && System.nanoTime() - last > 150_000_000L) {
                    StringBuilder sb = new StringBuilder("-- JavaFX thread " + (System.nanoTime() - last) / 1_000_000 + " ms after a pulse:\n");
                    StackTraceElement[] st = fx.getStackTrace();
                    for (int i = 0; i < Math.min(25, st.length); i++) sb.append("    ").append(st[i]).append('\n');
                    System.err.print(sb);
                }
            }
        }, "bench-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private void pulse() {
        long now = System.nanoTime();
        if (lastPulse != 0) {
            phaseMax = Math.max(phaseMax, now - lastPulse);
            maxGap = Math.max(maxGap, now - lastPulse);
        }
        lastPulse = now;
    }

    private void phase(String name) {
        report += String.format(Locale.ROOT, "  %-34s longest stall %,6d ms%n", name, phaseMax / 1_000_000);
        phaseMax = 0;
    }

    private static void after(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
