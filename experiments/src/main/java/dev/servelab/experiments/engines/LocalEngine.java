package dev.servelab.experiments.engines;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.point.PointResult;
import dev.servelab.experiments.point.PointRunner;
import dev.servelab.experiments.point.PointTask;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The {@code local} engine: a fixed pool of one thread per core (or {@code --parallel N}), each running
 * whole points single-threaded, as {@code servelab run} does, into a run store connection of its own
 * on the sweep's file (SQLite in WAL mode lets one writer in at a time; the others wait).
 */
public final class LocalEngine implements SweepEngine {
    @Override
    public String id() {
        return "local";
    }

    @Override
    public boolean storesRuns() {
        return true;
    }

    @Override
    public void run(List<PointTask> tasks, Options options, Consumer<PointResult> sink) {
        PluginRegistry registry = PluginRegistry.load();
        int threads = Math.min(options.threads(), Math.max(1, tasks.size()));
        List<RunStore> stores = new ArrayList<>();
        ThreadLocal<RunStore> store = ThreadLocal.withInitial(() -> {
            RunStore s = RunStore.open(options.db());
            synchronized (stores) {
                stores.add(s);
            }
            return s;
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "servelab-sweep-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<PointResult> done = new ExecutorCompletionService<>(pool);
            for (PointTask t : tasks) done.submit(() -> PointRunner.run(t, registry, store.get(), options.cancel()));
            for (int i = 0; i < tasks.size(); i++) sink.accept(take(done));
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
            synchronized (stores) {
                stores.forEach(RunStore::close);
            }
        }
    }

    private static PointResult take(ExecutorCompletionService<PointResult> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sweep points", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
