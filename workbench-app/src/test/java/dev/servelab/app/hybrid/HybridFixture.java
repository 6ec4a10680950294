package dev.servelab.app.hybrid;

import dev.servelab.engine.cli.Main;
import dev.servelab.engine.store.VarintCodec;
import dev.servelab.hw.agent.AgentConfig;
import dev.servelab.hw.agent.EdgeAgentServer;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the hybrid tests share: a real edge agent on loopback serving the generated tiny GGUF, the
 * {@code servelab} command line run in-process, and the run store read back with plain SQL.
 */
final class HybridFixture {
    record Cli(int exitCode, String out, String err) {
    }

    /** One {@code requests} row joined with its {@code token_times} row (tokenNanos empty without one). */
    record RequestRow(long id, int replica, String status, String reason, long arrivalNanos, Long firstTokenNanos,
                      int outputTokens, long[] tokenNanos) {
    }

    private HybridFixture() {
    }

    static EdgeAgentServer agent(Path dir, double iterationFloorMs) throws Exception {
        Path model = dir.resolve("tiny.gguf");
        if (!Files.exists(model)) {
            Cli c = cli("model", "tiny", "--out", model.toString(), "--seed", "3");
            if (c.exitCode() != 0) throw new AssertionError(c.err());
        }
        return EdgeAgentServer.start(AgentConfig.loopback(model).withIterationFloorMillis(iterationFloorMs));
    }

    static Cli cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** A pipeline with one remote pool at {@code url} (replica 0) and one simulated cloud pool (replica 1), round robin. */
    static Path pipeline(Path dir, String url, int requests, double ratePerS, int minOut, int maxOut) throws Exception {
        return Files.writeString(dir.resolve("hybrid.yaml"), """
                seed: 11
                workload:
                  type: workload.poisson
                  rate_per_s: %s
                  requests: %d
                  input: {dist: uniform, min: 8, max: 32}
                  output: {dist: uniform, min: %d, max: %d}
                router: route.round-robin
                pools:
                  - name: edge
                    kind: remote
                    endpoint: {type: remote.openai, url: "%s", dialect: servelab, max_concurrent: 8,
                               connect_timeout_ms: 2000, stream_timeout_ms: 30000, max_attempts: 1}
                  - name: cloud
                    executor: exec.roofline
                """.formatted(ratePerS, requests, minOut, maxOut, url));
    }

    static List<RequestRow> requests(Path db, long runId) throws SQLException {
        List<RequestRow> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT r.request_id, r.replica, r.status, r.reason, r.arrival_ns, r.first_token_ns,"
                     + " r.output_tokens, t.tokens, t.gaps FROM requests r LEFT JOIN token_times t"
                     + " ON t.run_id = r.run_id AND t.request_id = r.request_id WHERE r.run_id = " + runId
                     + " ORDER BY r.request_id")) {
            while (rs.next()) {
                long arrival = rs.getLong(5);
                long first = rs.getLong(6);
                Long firstToken = rs.wasNull() ? null : first;
                int count = rs.getInt(8);
                byte[] gaps = rs.getBytes(9);
                rows.add(new RequestRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), arrival, firstToken,
                        rs.getInt(7), gaps == null ? new long[0] : times(arrival, gaps, count)));
            }
        }
        return rows;
    }

    private static long[] times(long arrival, byte[] gaps, int count) {
        long[] g = VarintCodec.decode(gaps, count);
        long[] t = new long[count];
        long at = arrival;
        for (int i = 0; i < count; i++) t[i] = at += g[i];
        return t;
    }
}
