package dev.servelab.app.gui;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs slow work (store reads) off the JavaFX thread and hands the result back on it. */
public final class Background {
    private static final ExecutorService POOL = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "servelab-load");
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    public static <T> void load(Supplier<T> work, Consumer<T> then, Consumer<Throwable> failed) {
        POOL.submit(() -> {
            try {
                T v = work.get();
                Platform.runLater(() -> then.accept(v));
            } catch (Throwable e) {
                Platform.runLater(() -> failed.accept(e));
            }
        });
    }
}
