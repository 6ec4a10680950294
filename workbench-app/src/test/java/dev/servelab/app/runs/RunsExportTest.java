package dev.servelab.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.app.TestRuns;
import dev.servelab.app.data.RunData;
import dev.servelab.app.data.RunReader;
import dev.servelab.app.export.ChromeTrace;
import dev.servelab.engine.metrics.MetricKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Runs view's table, CSV and config diff, the per-table CSV export and the Chrome-trace export, over real stored runs. */
class RunsExportTest {
    @TempDir
    static Path dir;
    static RunReader reader;
    static long a;
    static long b;

    @BeforeAll
    static void runTwice() {
        Path db = dir.resolve("runs.db");
        a = TestRuns.run(db, "least", "workload.requests=200");
        b = TestRuns.run(db, "rr", "workload.requests=200", "router=route.round-robin", "pools[0].replicas=2");
        reader = new RunReader(db);
    }

    private RunsViewModel vm() {
        RunsViewModel vm = new RunsViewModel();
        vm.setRuns(reader.runs());
        return vm;
    }

    @Test
    void runsCsvHasConfigurationIntegerCountsAndEveryPercentile() throws Exception {
        String csv = vm().runsCsv();
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        for (MetricKey k : MetricKey.values()) assertTrue(header.contains(k.key()), k.key());
        assertTrue(header.containsAll(List.of("hardware", "replicas", "tensor_parallel", "scheduler", "router", "executor")));
        String[] rr = lines.get(1).split(",", -1);
        assertEquals("200", rr[header.indexOf("completed")], "counts are integers");
        assertEquals("2", rr[header.indexOf("replicas")]);
        assertEquals("route.round-robin", rr[header.indexOf("router")]);
        JsonNode summary = new ObjectMapper().readTree(reader.head(b).info().summaryJson());
        assertEquals(summary.get("p90_itl_ms").asDouble(), Double.parseDouble(rr[header.indexOf("p90_itl_ms")]), 1e-6);
    }

    @Test
    void configDiffListsOnlyTheSettingsThatDiffer() {
        RunsViewModel vm = vm();
        vm.select(List.copyOf(vm.runs()));
        Set<String> keys = new HashSet<>();
        for (ConfigDiff d : vm.configDiff()) keys.add(d.setting());
        assertEquals(Set.of("router", "pools[0].replicas"), keys, vm.configDiff().toString());
        ConfigDiff router = vm.configDiff().stream().filter(d -> d.setting().equals("router")).findFirst().orElseThrow();
        assertEquals(List.of("route.round-robin", "route.least-outstanding"), router.values(), "newest run first");
    }

    @Test
    void perTableCsvExportWritesEveryRequest() throws Exception {
        Path f = dir.resolve("requests.csv");
        assertEquals(200, reader.exportCsv(a, "requests", f));
        assertEquals(201, Files.readAllLines(f).size());
    }

    @Test
    void chromeTraceHasATrackPerReplicaAndPerRequest() throws Exception {
        RunData d = reader.load(a);
        StringWriter out = new StringWriter();
        ChromeTrace.Written w = ChromeTrace.write(d, 0, Long.MAX_VALUE, out);
        JsonNode trace = new ObjectMapper().readTree(out.toString());
        Set<Long> replicaTracks = new HashSet<>(), requestTracks = new HashSet<>();
        long slices = 0;
        for (JsonNode e : trace.get("traceEvents")) {
            if (!e.get("ph").asText().equals("X")) continue;
            slices++;
            (e.get("pid").asInt() == 1 ? replicaTracks : requestTracks).add(e.get("tid").asLong());
            assertTrue(e.get("dur").asDouble() >= 0);
        }
        assertEquals(d.info().replicas(), replicaTracks.size());
        assertEquals(d.tokens().rows(), requestTracks.size());
        assertEquals(d.tokens().rows(), w.requests());
        long its = d.iterations().stream().mapToLong(i -> i.size()).sum();
        assertEquals(its, w.iterations());
        assertTrue(slices >= its + 2L * d.tokens().rows());
    }
}
