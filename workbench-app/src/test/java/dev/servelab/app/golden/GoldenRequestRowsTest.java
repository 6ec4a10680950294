package dev.servelab.app.golden;

import dev.servelab.engine.cli.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Behaviour unchanged below the summary: each case of {@code golden/cases.txt} runs through the real
 * {@code servelab run ... --db FILE} in-process, and every row it stored per request — the
 * {@code requests} table (timestamps, cached tokens, preemptions, status), the {@code token_times} table
 * (every sampled token's gap), the per-iteration log and the per-replica buckets — must hash to the
 * digest in {@code golden/rows/NAME.txt}. Each case runs twice: as written, and with per-token timestamps
 * for one request in 7 only ({@link #SPARSE_SAMPLING}), since sampled sequences are visited token by token. A summary can hide a shifted timestamp; these rows cannot.
 *
 * <p>Each line of a golden file is {@code TABLE ROWS SHA-256}; the digest covers every column but
 * {@code run_id}, rows in primary-key order, each value as {@link ResultSet#getString} gives it (blobs as
 * hex), separated by tabs and newlines.
 *
 * <p><b>How the golden files were made.</b> From the code before issue 19 (commit {@code fccff72}),
 * never from the code under test: in a checkout of that commit with this test class added,
 * <pre>
 *   ./mvnw -B -o -pl workbench-app -am verify -Dtest=GoldenRequestRowsTest \
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dservelab.writeRowGoldens=true
 * </pre>
 * A difference is a regression to fix in the code; regenerate only for an intended change of behaviour,
 * from the commit before it, and say so in its message.
 */
class GoldenRequestRowsTest {
    /** The tables compared and their order (the primary key of each). */
    private static final List<String[]> TABLES = List.of(
            new String[] {"requests", "request_id"},
            new String[] {"token_times", "request_id"},
            new String[] {"iterations", "replica, chunk"},
            new String[] {"replica_buckets", "replica, bucket"});

    /**
     * The second run of each case: per-token timestamps for one request in 7 only, so that most sequences
     * take the engine's aggregate decode path (sampled sequences are visited every token).
     */
    static final List<String> SPARSE_SAMPLING = List.of("--set", "metrics.token_sample_requests=0",
            "--set", "metrics.token_sample_stride=7");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyCaseStoresItsGoldenRowsByteForByte() {
        return GoldenCase.load().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(GoldenCase c) throws Exception {
        Path shared = shared();
        if (c.needsShared()) assumeTrue(Files.isDirectory(shared), "shared data folder absent: " + shared);
        String now = "# as in cases.txt\n" + run(c, shared, List.of())
                + "# " + String.join(" ", SPARSE_SAMPLING) + "\n" + run(c, shared, SPARSE_SAMPLING);
        if (Boolean.getBoolean("servelab.writeRowGoldens")) {
            Path file = GoldenSummariesTest.repoRoot().resolve("workbench-app/src/test/resources/golden/rows/" + c.name() + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, now);
            return;
        }
        assertEquals(golden(c.name()), now, c.name() + ": stored rows differ from golden/rows/" + c.name() + ".txt");
    }

    private String run(GoldenCase c, Path shared, List<String> extra) throws Exception {
        Path db = dir.resolve(c.name() + extra.size() + ".db");
        List<String> cmd = new java.util.ArrayList<>(c.commandLine(GoldenSummariesTest.repoRoot().resolve("sample-traces/pipelines"), shared, db));
        cmd.addAll(extra);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(cmd.toArray(String[]::new));
        assertEquals(0, code, "servelab " + String.join(" ", cmd) + "\n" + err);
        return digests(db);
    }

    /** One line per table: its name, its row count and the SHA-256 of its rows. */
    static String digests(Path db) throws SQLException, NoSuchAlgorithmException {
        StringBuilder sb = new StringBuilder();
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = conn.createStatement()) {
            for (String[] t : TABLES) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long rows = 0;
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t[0] + " ORDER BY run_id, " + t[1])) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (md.getColumnName(i).equals("run_id")) continue;
                            byte[] blob = md.getColumnType(i) == java.sql.Types.BLOB ? rs.getBytes(i) : null;
                            String v = blob != null ? HexFormat.of().formatHex(blob) : rs.getString(i);
                            sha.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) '\t');
                        }
                        sha.update((byte) '\n');
                    }
                }
                sb.append(t[0]).append(' ').append(rows).append(' ').append(HexFormat.of().formatHex(sha.digest())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String golden(String name) {
        try (InputStream in = GoldenRequestRowsTest.class.getResourceAsStream("/golden/rows/" + name + ".txt")) {
            if (in == null) throw new IllegalStateException("test resource golden/rows/" + name + ".txt is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path shared() {
        String p = System.getProperty("servelab.shared");
        return (p != null ? Path.of(p) : GoldenSummariesTest.repoRoot().resolve("../shared")).toAbsolutePath().normalize();
    }
}
