package dev.servelab.app.gui;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Start-up work that needs no JavaFX — plugin discovery, the runs list, class loading of the editor's
 * libraries — started by {@code servelab gui} on a second thread while the JavaFX toolkit starts.
 * The runs list is handed out once (the first listing of the window); later listings read the store.
 */
public final class Preload {
    private final CompletableFuture<PluginRegistry> registry;
    private final AtomicReference<CompletableFuture<List<RunInfo>>> runs;

    private Preload(CompletableFuture<PluginRegistry> registry, CompletableFuture<List<RunInfo>> runs) {
        this.registry = registry;
        this.runs = new AtomicReference<>(runs);
    }

    /** Starts discovering plugins, then listing the runs of {@code db}, in the background. */
    public static Preload start(Path db) {
        CompletableFuture<PluginRegistry> registry = CompletableFuture.supplyAsync(PluginRegistry::load);
        return new Preload(registry, registry.thenApplyAsync(r -> {
            try (RunStore s = RunStore.open(db)) {
                return s.listRuns();
            }
        }));
    }

    /** Nothing preloaded: the given registry, and the runs list read when first asked for. */
    public static Preload of(PluginRegistry registry) {
        return new Preload(CompletableFuture.completedFuture(registry), null);
    }

    /** The plugin registry (waits for the discovery). */
    public PluginRegistry registry() {
        return registry.join();
    }

    /** The preloaded runs list the first time it is asked for (waits for it; rethrows its failure), then empty. */
    public Optional<List<RunInfo>> takeRuns() {
        CompletableFuture<List<RunInfo>> f = runs.getAndSet(null);
        return f == null ? Optional.empty() : Optional.of(f.join());
    }
}
