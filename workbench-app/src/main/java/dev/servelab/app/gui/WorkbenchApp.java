package dev.servelab.app.gui;

import dev.servelab.engine.cli.DbOption;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The JavaFX application: builds the window, opens the pipeline, and runs the scripted screenshot mode. */
public final class WorkbenchApp extends Application {
    static volatile GuiOptions options;
    static volatile int exitCode;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        GuiOptions o = options != null ? options
                : new GuiOptions(null, false, null, DbOption.defaultPath(), "auto", null, null, java.util.List.of(), 1440, 900, false, false, 0, false, null, null);
        mark("fx started");
        Theme.apply(o.dark());
        Workbench wb = new Workbench(Preload.registry(), o.db());
        mark("registry");
        window = new MainWindow(wb);
        mark("window built");
        Scene scene = new Scene(window, o.width(), o.height());
        Theme.style(scene);
        Shortcuts.install(scene, window);
        stage.setScene(scene);
        stage.setTitle("ServeLab workbench");
        stage.setOnCloseRequest(e -> {
            if (!o.scripted() && !window.files.confirmDiscard()) e.consume();
        });
        if (o.open() != null) {
            if (!window.files.load(o.open())) fail(o, "cannot open " + o.open());
        } else {
            window.files.loadDefault();
        }
        mark("pipeline loaded");
        window.running.refreshRuns();
        mark("runs listed");
        if (o.mode() != null) {
            var m = window.wb.run.modes.stream().filter(x -> o.mode().equals(x.live() ? x.backend() : "sim")).findFirst();
            if (m.isEmpty()) {
                System.err.println("error: --mode " + o.mode() + ": not available here (" + String.join(", ",
                        window.wb.run.modes.stream().map(x -> x.live() ? x.backend() : "sim").toList()) + ")");
                exitCode = 2;
                Platform.exit();
                return;
            }
            window.wb.run.mode.set(m.get());
        }
        stage.show();
        mark("shown");
        if (Boolean.getBoolean("servelab.timing")) {
            Platform.runLater(() -> System.err.printf("workbench: window shown %d ms after JVM start%n",
                    System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
        }
        if (o.scripted() || o.run() || o.probe() != null) new ScriptedSession(window, o, stage).start();
    }

    private static void mark(String what) {
        if (Boolean.getBoolean("servelab.timing")) {
            System.err.printf("workbench: %s at %d ms (cpu %d ms)%n", what,
                    System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime(),
                    ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000);
        }
    }

    static void fail(GuiOptions o, String why) {
        if (o.scripted()) {
            System.err.println("error: " + why);
            exitCode = 2;
            Platform.exit();
        }
    }

    public static Path db() {
        return options == null ? DbOption.defaultPath() : options.db();
    }
}
