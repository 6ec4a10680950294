package dev.servelab.app.hardening;

import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every class of bad input the hostile-user review of issue 14 found gives one line on stderr naming
 * the file and line or the node and field, exit status 2, and no run stored as completed.
 */
class BadInputCliTest {
    static final Path PIPELINES = Path.of("..", "sample-traces", "pipelines");
    static final String CSV_HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens";

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("runs.db");
    }

    private Cli run(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "run";
        args[1] = PIPELINES.resolve("quickstart.yaml").toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        args[extra.length + 2] = "--db";
        args[extra.length + 3] = db().toString();
        return Cli.run(args);
    }

    private void assertRefused(Cli c, String... mustContain) {
        assertEquals(2, c.exit(), c.err());
        String line = c.errLine();
        assertTrue(line.startsWith("error: "), line);
        for (String s : mustContain) assertTrue(line.contains(s), "'" + s + "' in: " + line);
        assertTrue(!line.contains("Exception") && !line.contains("\tat "), line);
        assertNothingCompleted();
    }

    private void assertNothingCompleted() {
        if (!Files.exists(db())) return;
        try (RunStore store = RunStore.open(db())) {
            for (RunInfo r : store.listRuns()) assertTrue(r.status() != RunStatus.COMPLETED, r.toString());
        }
    }

    private Path trace(String name, String... rows) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, List.of(rows));
        return f;
    }

    @Test
    void anEmptySetPathSegment() {
        assertRefused(run("--set", ".=1"), "--set .=1", "empty path segment");
        assertRefused(run("--set", "pools..replicas=1"), "empty path segment");
    }

    @Test
    void aNestedLengthOutOfRange() {
        assertRefused(run("--set", "workload.output={dist: fixed, mean: 0}"), "workload.output.mean", "out of range");
    }

    @Test
    void aTenantLengthOutOfRange() throws Exception {
        String yaml = Files.readString(PIPELINES.resolve("tenants.yaml")).replace("output: {dist: fixed, mean: 500}", "output: {dist: fixed, mean: 0}");
        Path p = dir.resolve("tenants.yaml");
        Files.writeString(p, yaml);
        Cli c = Cli.run("run", p.toString(), "--db", db().toString());
        assertRefused(c, "workload.tenants[2].output", "mean must be > 0");
    }

    @Test
    void integersThatWouldWrapAreRefused() throws Exception {
        assertRefused(run("--set", "pools.0.replicas=18446744073709551617"), "pools[0].replicas", "18446744073709551617", "out of range");
        String yaml = Files.readString(PIPELINES.resolve("quickstart.yaml")).replace("seed: 42", "seed: 1e23");
        Path p = dir.resolve("seed.yaml");
        Files.writeString(p, yaml);
        assertRefused(Cli.run("run", p.toString(), "--db", db().toString()), "seed");
        assertRefused(run("--set", "workload.requests=2.5"), "workload", "2.5");
    }

    @Test
    void traceTimestampsBeyondTheClock() throws Exception {
        Path mooncake = trace("huge.jsonl", "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 5}",
                "{\"timestamp\": 1e300, \"input_length\": 10, \"output_length\": 5}");
        assertRefused(run("--trace", mooncake.toString()), "huge.jsonl:2", "too large");
        Path vidur = trace("huge.csv", "arrived_at,num_prefill_tokens,num_decode_tokens", "0.0,10,5", "1e300,10,5");
        assertRefused(run("--trace", vidur.toString(), "--format", "trace.vidur"), "huge.csv:3", "too large");
        Path y2500 = trace("y2500.csv", CSV_HEADER, "2023-11-16 00:00:00.3545513,10,5", "2500-01-01 00:00:00.000000,10,5");
        assertRefused(run("--trace", y2500.toString()), "y2500.csv:3", "outside the years 1678 to 2262");
    }

    @Test
    void aPromptOfTwoToTheThirtyOneTokensIsRejectedNotWrapped() throws Exception {
        // found by InputFuzzTest: prompt + output tokens wrapped around in int, so the replica took a
        // request it could never schedule and stopped with an IllegalStateException
        Path t = trace("long.jsonl", "{\"timestamp\": 0, \"input_length\": 100, \"output_length\": 5}",
                "{\"timestamp\": 10, \"input_length\": 2147483647, \"output_length\": 10}");
        Cli c = run("--trace", t.toString(), "--json");
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("\"completed\":1") && c.out().contains("\"rejected\":1"), c.out());
    }

    @Test
    void aGzipTraceCutAfterItsHeader() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write((CSV_HEADER + "\n2023-11-16 00:00:00.3545513,1847,326\n").repeat(50).getBytes());
        }
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes.toByteArray(), 20));
        assertRefused(run("--trace", cut.toString(), "--format", "trace.azure-2023"), "cut.csv.gz", "truncated gzip");
        Path cutHeader = dir.resolve("cut-header.csv.gz");
        Files.write(cutHeader, java.util.Arrays.copyOf(bytes.toByteArray(), 6));
        assertRefused(run("--trace", cutHeader.toString(), "--format", "trace.azure-2023"), "cut-header.csv.gz");
    }

    @Test
    void aTraceWithNoRequestsIsNotCompleted() throws Exception {
        Path empty = trace("empty.csv", CSV_HEADER);
        assertRefused(run("--trace", empty.toString()), "no requests");
    }

    @Test
    void aRouterNamingAnUnknownPoolWritesNoRow() {
        assertRefused(run("--set", "router={type: route.edge-first, fallback_pool: nowhere}"), "router.fallback_pool", "nowhere");
        assertTrue(!Files.exists(db()) || storeIsEmpty(), "no run row for invalid input (docs/run-store.md)");
    }

    private boolean storeIsEmpty() {
        try (RunStore store = RunStore.open(db())) {
            return store.listRuns().isEmpty();
        }
    }

    @Test
    void exportIntoAMissingDirectory() {
        assertEquals(0, run("--requests", "20").exit());
        Cli c = Cli.run("runs", "--db", db().toString(), "export", "1", "--out", dir.resolve("no/such/dir/x.csv").toString());
        assertEquals(2, c.exit(), c.err());
        assertTrue(c.errLine().contains("does not exist"), c.err());
    }

    @Test
    void theGuiOnAStoreThatIsNotSqlite() throws Exception {
        Path notSqlite = dir.resolve("runs.db");
        Files.writeString(notSqlite, "hello, not a database\n".repeat(300));
        Cli c = Cli.run("gui", "--db", notSqlite.toString());
        assertEquals(2, c.exit(), c.err());
        assertTrue(c.errLine().contains("runs.db: cannot open the run store: the file is not a SQLite database"), c.err());
    }

    @Test
    void usageErrorsAreOneLineWithAPointerToHelp() {
        Cli c = Cli.run("runs", "list", "--bogus");
        assertEquals(2, c.exit());
        assertEquals("error: Unknown option: '--bogus' (see 'servelab runs list --help')", c.errLine());
        Cli missing = Cli.run("run");
        assertEquals(2, missing.exit());
        assertTrue(missing.errLine().contains("see 'servelab run --help'"), missing.err());
        Cli wrongType = run("--requests", "many");
        assertEquals(2, wrongType.exit());
        assertTrue(wrongType.errLine().contains("'many'"), wrongType.err());
    }
}
