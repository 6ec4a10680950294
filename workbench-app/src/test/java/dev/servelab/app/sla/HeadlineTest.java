package dev.servelab.app.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.app.TestRuns;
import dev.servelab.app.data.RunHead;
import dev.servelab.app.data.RunReader;
import dev.servelab.app.gui.Examples;
import dev.servelab.app.run.PipelineRunner;
import dev.servelab.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The SLA view's headline numbers come from the run's stored summary, under the keys of {@code run --json}. */
class HeadlineTest {
    @TempDir
    static Path dir;
    static RunHead withSlo;
    static RunHead noSlo;

    @BeforeAll
    static void run() {
        Path db = dir.resolve("runs.db");
        long a = TestRuns.run(db, "slo", "workload.requests=200", "pools[0].tensor_parallel=2");
        var tree = TestRuns.quickstart("workload.requests=200");
        tree.remove("slo");
        long b = PipelineRunner.start(tree, "noslo", Examples.directory(), db, PluginRegistry.load()).outcome().join().runId();
        RunReader reader = new RunReader(db);
        withSlo = reader.head(a);
        noSlo = reader.head(b);
    }

    @Test
    void everyLatencyPercentileIsTheStoredValue() throws Exception {
        Headline h = Headline.of(withSlo);
        var json = new ObjectMapper().readTree(withSlo.info().summaryJson());
        for (String metric : new String[]{"ttft", "tpot", "itl", "e2el"}) {
            for (String stat : Headline.STATS) {
                String key = stat + "_" + metric + "_ms";
                double stored = json.get(key).asDouble();
                assertEquals(stored, Double.parseDouble(h.find(key).text()), Math.abs(stored) < 100 ? 0.005 : 0.05, key);
            }
        }
    }

    @Test
    void goodputAndAttainmentOnlyWithSlos() {
        Headline h = Headline.of(withSlo);
        assertNotNull(h.find("request_goodput"));
        double good = withSlo.summary().get("request_goodput"), all = withSlo.summary().get("request_throughput");
        assertEquals(String.format(Locale.ROOT, "%.2f", 100 * good / all), h.find("slo_attainment").text());
        Headline none = Headline.of(noSlo);
        assertNull(none.find("request_goodput"), "no goodput without SLOs (vLLM leaves it out)");
        assertNull(none.find("slo_attainment"));
    }

    @Test
    void tokensPerGpuCountReplicasTimesTensorParallelism() {
        int gpus = withSlo.config().pools().getFirst().replicas() * 2;
        assertEquals(gpus, withSlo.config().gpus());
        assertEquals(String.format(Locale.ROOT, "%.1f", withSlo.summary().get("output_throughput") / gpus),
                Headline.of(withSlo).find("output_throughput_per_gpu").text());
    }

    @Test
    void noGoodputCurveWithoutSlos() throws Exception {
        var data = new RunReader(dir.resolve("runs.db")).load(noSlo);
        SlaViewModel.Prepared p = SlaViewModel.prepare(java.util.List.of(data));
        assertEquals(1, p.goodput().size());
        assertEquals("completed req/s", p.goodput().getFirst().name());
    }
}
