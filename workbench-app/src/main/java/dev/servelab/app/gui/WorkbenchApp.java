package dev.servelab.app.gui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The JavaFX side of {@code servelab gui}: starts the toolkit, creates the services once, builds the
 * window, opens the pipeline, starts the scripted session when asked, and hands back the exit status
 * when the window closes or the session ends. One instance per launch; nothing is kept in static fields.
 */
public final class WorkbenchApp {
    private final GuiOptions o;
    private final Preload preload;
    private final PrintStream out;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private WorkbenchApp(GuiOptions o, Preload preload, PrintStream out) {
        this.o = o;
        this.preload = preload;
        this.out = out;
    }

    /**
     * Starts JavaFX, shows the workbench, and waits until it exits; returns the exit status. A scripted
     * session reports on {@code out} (the command's standard output).
     */
    public static int launch(GuiOptions o, Preload preload, PrintStream out) {
        WorkbenchApp app = new WorkbenchApp(o, preload, out);
        Platform.startup(() -> {
            try {
                app.start(new Stage());
            } catch (RuntimeException | Error e) {
                app.exit.completeExceptionally(e);
            }
        });
        try {
            return app.exit.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Exception in the workbench's start: " + e.getCause(), e.getCause());
        } finally {
            Platform.exit(); // from this thread, as JavaFX's own launcher does: never inside a pulse or the start
        }
    }

    /**
     * What {@link #launch} does once the toolkit runs, on a given stage of an already running toolkit (the
     * headless tests run every example through it): the future completes with the exit status a scripted
     * session ends with. Call it on the JavaFX thread; the caller closes the stage.
     */
    static CompletableFuture<Integer> startOn(Stage stage, GuiOptions o, Preload preload, PrintStream out) {
        WorkbenchApp app = new WorkbenchApp(o, preload, out);
        app.start(stage);
        return app.exit;
    }

    private void start(Stage stage) {
        mark("fx started");
        WorkbenchServices services = WorkbenchServices.start(preload, o.db(), o.dark());
        mark("registry");
        MainWindow window = new MainWindow(services, o.scripted());
        mark("window built");
        Scene scene = new Scene(window, o.width(), o.height());
        services.theme().style(scene);
        Shortcuts.install(scene, window);
        stage.setScene(scene);
        stage.setTitle("ServeLab workbench");
        stage.setOnCloseRequest(e -> {
            if (!o.scripted() && !window.files().confirmDiscard()) e.consume();
        });
        stage.setOnHidden(e -> exit(0));
        if (o.open() != null) {
            if (!window.files().load(o.open())) fail("cannot open " + o.open());
        } else {
            window.files().loadDefault();
        }
        mark("pipeline loaded");
        CompletableFuture<Void> listed = window.running().refreshRuns();
        if (o.mode() != null && !chooseMode(window)) return;
        window.running().limitRequests(o.requests());
        stage.show();
        mark("shown");
        if (Boolean.getBoolean("servelab.timing")) {
            Platform.runLater(() -> System.err.printf("workbench: window shown %d ms after JVM start%n",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
        }
        // a scripted session starts once the runs list (read in the background) is there
        if (o.scripted() || o.run() || o.probe() != null) {
            listed.handle((v, e) -> null).thenRun(() -> Platform.runLater(() -> {
                mark("runs listed");
                new ScriptedSession(window, o, stage, this).start();
            }));
        }
    }

    /** Selects the {@code --mode} run mode; false (and exit status 2) when it is not available here. */
    private boolean chooseMode(MainWindow window) {
        var run = window.workbench().run();
        var m = run.modes().stream().filter(x -> o.mode().equals(x.live() ? x.backend() : "sim")).findFirst();
        if (m.isEmpty()) {
            System.err.println("error: --mode " + o.mode() + ": not available here (" + String.join(", ",
                    run.modes().stream().map(x -> x.live() ? x.backend() : "sim").toList()) + ")");
            exit(2);
            return false;
        }
        run.modeProperty().set(m.get());
        return true;
    }

    private static void mark(String what) {
        if (Boolean.getBoolean("servelab.timing")) {
            System.err.printf("workbench: %s at %d ms (cpu %d ms)%n", what,
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime(),
                    ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000);
        }
    }

    /** Ends a scripted session with status 2 and the reason on stderr; an interactive window stays open. */
    void fail(String why) {
        if (o.scripted()) {
            System.err.println("error: " + why);
            exit(2);
        }
    }

    /** Ends the workbench with this status (the first status given wins); {@link #launch} then exits JavaFX. */
    void exit(int status) {
        exit.complete(status);
    }

    /** Where a scripted session reports (the {@code gui} command's standard output). */
    PrintStream out() {
        return out;
    }
}
