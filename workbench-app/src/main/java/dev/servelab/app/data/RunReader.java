package dev.servelab.app.data;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.store.BucketTable;
import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.store.StoreReader;
import dev.servelab.engine.store.TokenTable;

import java.nio.file.Path;
import java.util.List;

/**
 * Read-only access to a run store for the workbench: the runs list, one run's head (its row: summary,
 * SLOs, configuration) and its details for the result views, read through the engine's
 * {@link StoreReader} (its own connection, never one shared with a run being written). Every read
 * refuses to run on the JavaFX thread ({@link FxThreadGuard}).
 */
public final class RunReader {
    private final Path db;

    public RunReader(Path db) {
        this.db = db;
    }

    public Path db() {
        return db;
    }

    public List<RunInfo> runs() {
        FxThreadGuard.refuse("listing the runs of " + db);
        try (RunStore store = RunStore.open(db)) {
            return store.listRuns();
        }
    }

    /** The run's row: fast whatever the run's size. */
    public RunHead head(long runId) {
        FxThreadGuard.refuse("reading run " + runId);
        try (RunStore store = RunStore.open(db)) {
            return RunHead.of(store.run(runId).orElseThrow(() -> new ServeLabException(db + ": no run " + runId)));
        }
    }

    public RunData load(long runId) {
        return load(head(runId));
    }

    /**
     * Writes one table of the run as CSV ({@code what}: requests, tokens, iterations or buckets, as
     * {@code servelab export --what}); returns the number of data rows written.
     */
    public long exportCsv(long runId, String what, Path file) throws java.io.IOException {
        FxThreadGuard.refuse("exporting run " + runId);
        try (RunStore store = RunStore.open(db);
             java.io.Writer out = java.nio.file.Files.newBufferedWriter(file)) {
            dev.servelab.engine.store.RunExport.csv(store, runId, what, out);
        }
        try (var lines = java.nio.file.Files.lines(file)) {
            return Math.max(0, lines.count() - 1);
        }
    }

    /** The run's detail tables (requests, token times, iterations, buckets, cluster events) after its head. */
    public RunData load(RunHead head) {
        FxThreadGuard.refuse("reading run " + head.info().runId());
        RunInfo info = head.info();
        long runId = info.runId();
        try (StoreReader store = StoreReader.open(db)) {
            RequestTable requests = store.requests(runId);
            TokenTable tokens = store.tokens(runId);
            List<IterationTable> its = store.iterations(runId, info.replicas());
            BucketTable buckets = store.buckets(runId, info.replicas(), info.bucketMs() * 1_000_000L);
            return new RunData(head, requests, tokens, its, buckets, store.events(runId));
        }
    }
}
