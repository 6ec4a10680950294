package dev.servelab.plugins.sim;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.store.RunStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs a pipeline (YAML text) over hand-built requests through the real engine — plugin registry,
 * cluster, replicas, KV caches, metrics and a real SQLite run store — and reads back the summary
 * and every request's row.
 */
public final class SimHarness {
    /** One request's row in the run store. */
    public record Row(long id, int replica, long arrivalNs, long firstTokenNs, long finishNs, int cachedTokens,
                      int preemptions, String status, String reason) {
        public double ttftMs() {
            return (firstTokenNs - arrivalNs) / 1e6;
        }
    }

    public record Outcome(Map<String, Object> summary, Map<Long, Row> rows) {
        public long count(String key) {
            return ((Number) summary.get(key)).longValue();
        }

        public double value(String key) {
            return ((Number) summary.get(key)).doubleValue();
        }
    }

    private SimHarness() {
    }

    public static Outcome run(Path dir, String yaml, List<Request> requests) throws IOException, SQLException {
        Path file = Files.createTempFile(dir, "pipeline", ".yaml");
        Files.writeString(file, yaml);
        PipelineSpec spec = PipelineLoader.load(file, List.of());
        Iterator<Request> it = requests.iterator();
        RequestStream stream = () -> it.hasNext() ? it.next() : null;
        try (RunStore store = RunStore.open(dir.resolve(file.getFileName() + ".db"))) {
            PipelineRun run = new PipelineRun(spec, PluginRegistry.load(), stream, "test", requests.size(), store);
            RunOutcome out = run.run("sim", null);
            Outcome o = new Outcome(out.summary(), rows(store, out.runId()));
            checkEveryRequestAccountedFor(o, requests.size());
            return o;
        }
    }

    /** End-of-run invariant: each request completed, or was rejected with a reason. */
    private static void checkEveryRequestAccountedFor(Outcome o, int requests) {
        if (o.rows().size() != requests) throw new AssertionError(o.rows().size() + " rows for " + requests + " requests");
        for (Row r : o.rows().values()) {
            boolean ok = "completed".equals(r.status()) || ("rejected".equals(r.status()) && r.reason() != null);
            if (!ok) throw new AssertionError("request " + r.id() + ": " + r.status() + " / " + r.reason());
        }
        if (o.count("completed") + o.count("rejected") != requests) throw new AssertionError("summary " + o.summary());
    }

    private static Map<Long, Row> rows(RunStore store, long runId) throws SQLException {
        Map<Long, Row> rows = new HashMap<>();
        try (Connection c = store.newReadConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT request_id, replica, arrival_ns, first_token_ns, finish_ns, cached_tokens,"
                     + " preemptions, status, reason FROM requests WHERE run_id = " + runId)) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9)));
            }
        }
        return rows;
    }
}
