package dev.servelab.app.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.store.BucketTable;
import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.store.StoreReader;
import dev.servelab.engine.store.TokenTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Read-only access to a run store for the workbench: the runs list and one run's data for the result
 * views, read through the engine's {@link StoreReader} (its own connection, never one shared with a run
 * being written).
 */
public final class RunReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path db;

    public RunReader(Path db) {
        this.db = db;
    }

    public Path db() {
        return db;
    }

    public List<RunInfo> runs() {
        try (RunStore store = RunStore.open(db)) {
            return store.listRuns();
        }
    }

    public RunData load(long runId) {
        RunInfo info;
        try (RunStore store = RunStore.open(db)) {
            info = store.run(runId).orElseThrow(() -> new ServeLabException(db + ": no run " + runId));
        }
        try (StoreReader store = StoreReader.open(db)) {
            RequestTable requests = store.requests(runId);
            TokenTable tokens = store.tokens(runId);
            List<IterationTable> its = store.iterations(runId, info.replicas());
            BucketTable buckets = store.buckets(runId, info.replicas(), info.bucketMs() * 1_000_000L);
            return new RunData(info, Summary.parse(info.summaryJson()), requests, tokens, its, buckets, slo(info));
        }
    }

    private static Slo slo(RunInfo info) {
        try {
            return Slo.of(JSON.readTree(info.pipelineJson()));
        } catch (IOException e) {
            return Slo.NONE;
        }
    }
}
