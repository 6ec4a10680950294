package dev.servelab.plugins.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.plugins.SharedData;
import dev.servelab.plugins.traceprofile.TraceStats;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.servelab.plugins.workload.GeneratorAssert.generate;
import static dev.servelab.plugins.workload.GeneratorAssert.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ServeGen generator against the published DeepSeek-R1 characterisation and its SOURCE.md mixture. */
class ServeGenWorkloadTest {
    /** Resolved per test, so a clone without ../shared skips the test instead of failing the class. */
    private static Path dir() {
        return SharedData.path("traces/servegen/data/reason/deepseek-r1");
    }

    @Test
    void wholeDayReproducesRateAndLengthMixture() throws IOException {
        // 5 % of the traffic over the whole day: the clients' mixture weights are unchanged.
        List<Request> r = generate("workload.servegen", "dir: " + dir().toAbsolutePath() + "\nstart_s: 0\nend_s: 86400\nrate_scale: 0.05", 1);
        within(16.02 * 86_400 * 0.05, r.size(), 0.02, "requests (SOURCE.md: 16.02 req/s aggregate)");
        TraceStats s = GammaWorkloadTest.stats(r);
        within(1268, s.input().mean(), 0.04, "input mean (SOURCE.md mixture)");
        within(1527, s.output().mean(), 0.04, "output mean (SOURCE.md mixture)");
        within(208, s.input().p50(), 0.05, "input p50");
        within(792, s.output().p50(), 0.05, "output p50");
        assertTrue(r.stream().map(Request::tenant).distinct().count() > 40);
    }

    @Test
    void oneClientOneHourFollowsItsWindows() throws IOException {
        List<ServeGenWindow> w = ServeGenData.windows(dir().resolve("chunk-1-trace.csv"));
        double expected = 0;
        for (int i = 0; i < 6; i++) expected += w.get(i).ratePerS() * 600;
        String settings = "dir: " + dir().toAbsolutePath() + "\nclients: [1]\nend_s: 3600\nrate_scale: 20";
        List<Request> r = generate("workload.servegen", settings, 4);
        assertEquals(r, generate("workload.servegen", settings, 4));
        within(expected * 20, r.size(), 0.05, "client 1, first hour");
        assertTrue(r.stream().allMatch(q -> q.tenant().equals("client-1") && q.arrivalNanos() < 3_600_000_000_000L));
    }

    @Test
    void pythonDictLiterals() {
        double[][] kv = PythonDictLiteral.parse("{39: 0.25, 40: 0.5, 0.75: 0.25}");
        assertEquals(40, kv[0][1]);
        assertEquals(0.25, kv[1][2]);
        Pmf p = Pmf.of("{10: 0.5, 30: 0.5}");
        assertEquals(20, p.mean());
    }
}
