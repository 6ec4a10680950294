package dev.servelab.app.gui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs slow work (store reads, chart preparation) off the JavaFX thread, one job at a time on a daemon
 * thread, and hands the result or the failure back on the UI executor ({@code Platform::runLater} in the
 * window). One instance per workbench, held by {@link WorkbenchServices}.
 */
public final class Background {
    private final ExecutorService pool;
    private final Executor ui;

    public Background(Executor ui) {
        this.ui = ui;
        this.pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "servelab-load");
            t.setDaemon(true);
            return t;
        });
    }

    public <T> void load(Supplier<T> work, Consumer<T> then, Consumer<Throwable> failed) {
        pool.submit(() -> {
            try {
                T v = work.get();
                ui.execute(() -> then.accept(v));
            } catch (Throwable e) {
                ui.execute(() -> failed.accept(e));
            }
        });
    }
}
