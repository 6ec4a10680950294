package dev.servelab.experiments.point;

import dev.servelab.engine.run.PipelineRun;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets another thread (Ctrl-C) stop a sweep: no new run starts once cancelled, and every run in flight
 * is cancelled (the engine marks it {@code cancelled} in the store). Shared by all workers of a sweep.
 */
public final class CancelToken {
    private volatile boolean cancelled;
    private final Set<PipelineRun> current = ConcurrentHashMap.newKeySet();

    public void cancel() {
        cancelled = true;
        for (PipelineRun r : current) r.cancel();
    }

    public boolean cancelled() {
        return cancelled;
    }

    void started(PipelineRun run) {
        current.add(run);
        if (cancelled) run.cancel();
    }

    void ended(PipelineRun run) {
        current.remove(run);
    }
}
