package dev.servelab.app.gui;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStore;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Start-up work that needs no JavaFX — plugin discovery, the runs list, class loading of the editor's
 * libraries — done on a second thread while the JavaFX toolkit starts.
 */
final class Preload {
    static volatile CompletableFuture<PluginRegistry> registry;
    static volatile CompletableFuture<List<RunInfo>> runs;

    private Preload() {
    }

    static void start(Path db) {
        registry = CompletableFuture.supplyAsync(PluginRegistry::load);
        runs = registry.thenApplyAsync(r -> {
            try (RunStore s = RunStore.open(db)) {
                return s.listRuns();
            }
        });
    }

    static PluginRegistry registry() {
        return registry == null ? PluginRegistry.load() : registry.join();
    }
}
