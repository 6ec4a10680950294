package dev.servelab.app.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.cli.Main;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Behaviour unchanged, proven: each case of {@code golden/cases.txt} (every simulated sample pipeline
 * with its own seed, big ones capped by {@code --requests}, plus every built-in policy swapped into one
 * of them by {@code --set}) runs through the real {@code servelab run ... --json} in-process, and its
 * summary must equal, byte for byte, the golden file {@code golden/NAME.json}.
 *
 * <p><b>How the golden files were made.</b> From the code before issue 12 (commit {@code c21ae2e}),
 * never from the code under test:
 * <pre>
 *   git worktree add --detach /tmp/base c21ae2e
 *   workbench-app/src/test/resources/golden/generate.sh /tmp/base ../shared
 * </pre>
 * The script builds that checkout's {@code servelab.jar} ({@code package}, not {@code install}) and runs
 * every case in its own JVM with {@code --json}; it deletes {@code "run_id"} (depends on the store),
 * {@code "sim_wall_s"} and {@code "sim_cpu_s"} (wall-clock and CPU time, the only clock-dependent fields of
 * a simulated run) with the same three expressions as {@link #comparable(String)}. A difference here is a
 * regression to fix in the code, not a golden file to regenerate; regenerate only when a change of
 * behaviour is intended, from the commit before it, and say so in its message.
 *
 * <p>Not covered: live pipelines ({@code exec.jvm}, {@code exec.tornadovm}) and pipelines with remote
 * pools (their timings are measured, not computed). Cases that read the shared data folder
 * ({@code ../shared}, or {@code -Dservelab.shared}) are skipped, with that reason, when it is absent.
 */
class GoldenSummariesTest {
    private static final Set<String> LIVE_EXECUTORS = Set.of("exec.jvm", "exec.tornadovm");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsGoldenSummaryByteForByte() {
        return GoldenCase.load().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @Test
    void everySimulatedSamplePipelineHasAGoldenCase() throws IOException {
        Set<String> covered = new java.util.HashSet<>();
        for (GoldenCase c : GoldenCase.load()) covered.add(c.pipeline());
        List<String> missing = new ArrayList<>();
        int simulated = 0;
        try (Stream<Path> files = Files.list(pipelines())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (!isSimulated(PipelineLoader.load(f, List.of()))) continue;
                simulated++;
                if (!covered.contains(f.getFileName().toString())) missing.add(f.getFileName().toString());
            }
        }
        assertTrue(simulated >= 9, "the sample pipelines were found: " + simulated);
        assertEquals(List.of(), missing, "simulated sample pipelines without a line in golden/cases.txt");
    }

    private void check(GoldenCase c) {
        Path shared = shared();
        if (c.needsShared()) assumeTrue(Files.isDirectory(shared), "shared data folder absent: " + shared);
        List<String> cmd = c.commandLine(pipelines(), shared, dir.resolve(c.name() + ".db"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(cmd.toArray(String[]::new));
        assertEquals(0, code, "servelab " + String.join(" ", cmd) + "\n" + err);
        String now = comparable(out.toString());
        String golden = c.golden();
        if (!golden.equals(now)) fail(c.name() + ": summary differs from golden/" + c.name() + ".json: " + differences(golden, now));
    }

    /** The summary line without its store- and clock-dependent fields (the same expressions as generate.sh). */
    static String comparable(String summaryLine) {
        return summaryLine.replaceFirst("\"run_id\":[0-9]+,", "")
                .replaceFirst(",\"sim_wall_s\":[^,}]*", "")
                .replaceFirst(",\"sim_cpu_s\":[^,}]*", "");
    }

    private static String differences(String golden, String now) {
        try {
            ObjectMapper m = new ObjectMapper();
            JsonNode g = m.readTree(golden);
            JsonNode n = m.readTree(now);
            StringBuilder sb = new StringBuilder();
            for (Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!g.get(k).equals(n.get(k))) sb.append("\n  ").append(k).append(": golden ").append(g.get(k)).append(", now ").append(n.get(k));
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!g.has(k)) sb.append("\n  ").append(k).append(": new field ").append(n.get(k));
            }
            return sb.isEmpty() ? "same values, different bytes (key order or number format)\n  golden " + golden + "  now    " + now : sb.toString();
        } catch (IOException e) {
            return "\n  golden " + golden + "  now    " + now;
        }
    }

    private static boolean isSimulated(PipelineSpec p) {
        if (p.hasRemotePools()) return false;
        for (PoolSpec pool : p.pools()) {
            if (pool.executor() != null && LIVE_EXECUTORS.contains(pool.executor().type())) return false;
        }
        return true;
    }

    static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName().toString().equals("workbench-app") ? here.getParent() : here;
    }

    private static Path pipelines() {
        return repoRoot().resolve("sample-traces/pipelines");
    }

    private static Path shared() {
        String p = System.getProperty("servelab.shared");
        return (p != null ? Path.of(p) : repoRoot().resolve("../shared")).toAbsolutePath().normalize();
    }
}
