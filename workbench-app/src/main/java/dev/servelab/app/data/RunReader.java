package dev.servelab.app.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStore;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Read-only access to a run store for the workbench: the runs list and one run's data for the result
 * views. Opens its own connection so it never shares one with a run being written.
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
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            RequestTable requests = RequestQuery.read(c, runId);
            TokenTable tokens = TokenQuery.read(c, runId);
            List<IterationTable> its = IterationQuery.read(c, runId, info.replicas());
            BucketTable buckets = BucketQuery.read(c, runId, info.replicas(), info.bucketMs() * 1_000_000L);
            return new RunData(info, Summary.parse(info.summaryJson()), requests, tokens, its, buckets, slo(info));
        } catch (SQLException e) {
            throw new ServeLabException(db + ": cannot read run " + runId + ": " + e.getMessage(), e);
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
