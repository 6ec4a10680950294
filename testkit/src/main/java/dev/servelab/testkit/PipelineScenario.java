package dev.servelab.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.pipeline.Overrides;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.store.IterationDecoder;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.store.StoreReader;
import dev.servelab.engine.workload.WorkloadFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A whole pipeline simulated through the real engine — plugin registry, cluster, replicas, KV caches,
 * metrics — into a real SQLite run store in a temporary directory, read back as a {@link PipelineResult}.
 * The pipeline is YAML text, a file, or a tree built in code, with {@code --set}-style overrides; the
 * requests are given by the test, come from a stream (a trace), or are the pipeline's own workload.
 * {@link #run()} checks the end-of-run invariants: every request completed or was rejected with a
 * reason, the summary's token totals equal the completed rows', and no replica holds a KV block after
 * its last iteration.
 *
 * <pre>{@code
 * PipelineResult r = PipelineScenario.yaml("""
 *         router: route.my-router
 *         pools: [{name: gpu, replicas: 2, executor: {type: exec.test-linear, base_ms: 5}}]
 *         """).requests(Request.of(0, 0, 100, 10), Request.of(1, 0, 100, 10)).run();
 * assertEquals(2, r.count("completed"));
 * }</pre>
 */
public final class PipelineScenario {
    private final ObjectNode tree;
    private final Path file;
    private final List<String> overrides = new ArrayList<>();
    private RequestStream stream;
    private long workloadLimit = -1;
    private Path storeDir;
    private PluginRegistry registry;

    private PipelineScenario(ObjectNode tree, Path file) {
        this.tree = tree;
        this.file = file;
    }

    /** A pipeline written as YAML text. */
    public static PipelineScenario yaml(String text) {
        try {
            Path f = Files.createTempFile("servelab-testkit-pipeline", ".yaml");
            Files.writeString(f, text);
            try {
                return new PipelineScenario(PipelineLoader.readTree(f), null);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pipeline file (relative paths in it resolve against its directory). */
    public static PipelineScenario file(Path pipeline) {
        return new PipelineScenario(null, pipeline);
    }

    /** A pipeline tree built in code, as the workbench's editor builds one. */
    public static PipelineScenario tree(ObjectNode pipeline) {
        return new PipelineScenario(pipeline.deepCopy(), null);
    }

    /** A {@code --set} override, e.g. {@code pools[0].replicas=4}. */
    public PipelineScenario set(String assignment) {
        overrides.add(assignment);
        return this;
    }

    /** Serves exactly these requests (in arrival order). */
    public PipelineScenario requests(Request... requests) {
        return requests(List.of(requests));
    }

    public PipelineScenario requests(List<Request> requests) {
        Iterator<Request> it = List.copyOf(requests).iterator();
        this.stream = () -> it.hasNext() ? it.next() : null;
        return this;
    }

    /** Serves the requests of {@code requests} (e.g. a trace opened with {@link WorkloadFactory#openTrace}). */
    public PipelineScenario stream(RequestStream requests) {
        this.stream = requests;
        return this;
    }

    /** Serves the first {@code limit} requests of the pipeline's own {@code workload} node. */
    public PipelineScenario workload(long limit) {
        this.workloadLimit = limit;
        return this;
    }

    /** Keeps the run store ({@code runs.db}) in {@code dir} instead of a directory deleted after the run. */
    public PipelineScenario storeIn(Path dir) {
        this.storeDir = dir;
        return this;
    }

    /** Uses this registry instead of {@link PluginRegistry#load()}. */
    public PipelineScenario registry(PluginRegistry plugins) {
        this.registry = plugins;
        return this;
    }

    /** Simulates the pipeline, reads the run back and checks the invariants (an {@link AssertionError} names the first broken one). */
    public PipelineResult run() {
        PluginRegistry plugins = registry != null ? registry : PluginRegistry.load();
        PipelineSpec spec = spec();
        CountingStream requests = new CountingStream(stream != null ? stream : WorkloadFactory.open(plugins, spec.workload(),
                spec.seed(), workloadLimit < 0 ? 0 : workloadLimit, spec.baseDir()));
        Path dir = storeDir != null ? storeDir : tempDir();
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            RunOutcome out = new PipelineRun(spec, plugins, requests, "testkit", 0, store).run("sim", null);
            if (out.summary() == null) throw new AssertionError("run " + out.runId() + " ended " + out.status() + ": " + out.error());
            List<ClusterEvent> events;
            try (StoreReader reader = StoreReader.open(dir.resolve("runs.db"))) {
                events = reader.events(out.runId());
            }
            PipelineResult result = new PipelineResult(out.runId(), out.summary(), rows(store, out.runId()), finalKv(store, out.runId()),
                    events);
            RunInvariants.checkPipeline(result, Math.toIntExact(requests.count), requests.clients().warmupRequests());
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the run store back: " + e.getMessage(), e);
        } finally {
            if (storeDir == null) deleteQuietly(dir);
        }
    }

    private PipelineSpec spec() {
        if (file != null) return PipelineLoader.load(file, overrides);
        ObjectNode t = tree.deepCopy();
        for (String o : overrides) Overrides.apply(t, o);
        return PipelineLoader.fromTree(t, "testkit", null);
    }

    private static Map<Long, PipelineResult.Row> rows(RunStore store, long runId) throws SQLException {
        Map<Long, PipelineResult.Row> rows = new HashMap<>();
        try (Connection c = store.newReadConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT request_id, replica, arrival_ns, first_token_ns, finish_ns, prompt_tokens, output_tokens,"
                        + " cached_tokens, preemptions, status, reason FROM requests WHERE run_id = ?")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new PipelineResult.Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11)));
                }
            }
        }
        return rows;
    }

    /** KV blocks in use after each replica's last stored iteration. */
    private static Map<Integer, Integer> finalKv(RunStore store, long runId) throws SQLException {
        Map<Integer, Integer> last = new TreeMap<>();
        try (Connection c = store.newReadConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT replica, first_start_ns, count, data FROM iterations WHERE run_id = ? ORDER BY replica, chunk")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int count = rs.getInt(3);
                    IterationDecoder d = IterationDecoder.decode(rs.getLong(2), count, rs.getBytes(4));
                    last.put(rs.getInt(1), d.kvUsedBlocks()[count - 1]);
                }
            }
        }
        return last;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("servelab-testkit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** Counts the requests the run pulled, so the invariants know how many must be accounted for. */
    private static final class CountingStream implements RequestStream {
        private final RequestStream inner;
        long count;

        CountingStream(RequestStream inner) {
            this.inner = inner;
        }

        @Override
        public Request next() throws IOException {
            Request r = inner.next();
            if (r != null) count++;
            return r;
        }

        @Override
        public dev.servelab.engine.spi.ClientLoop clients() {
            return inner.clients();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
