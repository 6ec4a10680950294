package dev.servelab.experiments.run;

import dev.servelab.experiments.store.StoredPoint;

import java.util.List;

/**
 * Hears a sweep as it runs, on the thread that runs it (the workbench fills its table and charts from
 * it): once the experiment is found or created, then once per point as it is stored. A cancelled point is
 * not stored and not reported.
 */
public interface SweepListener {
    /** Hears nothing. */
    SweepListener NONE = new SweepListener() {
    };

    /** The experiment {@code experimentId} will run {@code toRun} points; {@code stored} are its points already in the store. */
    default void started(long experimentId, int toRun, List<StoredPoint> stored) {
    }

    /** A point ran and is stored. */
    default void point(StoredPoint point) {
    }
}
