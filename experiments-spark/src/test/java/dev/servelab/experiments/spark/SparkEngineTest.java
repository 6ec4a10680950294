package dev.servelab.experiments.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.engines.LocalEngine;
import dev.servelab.experiments.engines.SweepEngine;
import dev.servelab.experiments.engines.SweepEngines;
import dev.servelab.experiments.point.CancelToken;
import dev.servelab.experiments.point.PointStatus;
import dev.servelab.experiments.run.SweepOutcome;
import dev.servelab.experiments.run.SweepRunner;
import dev.servelab.experiments.store.StoredPoint;
import dev.servelab.experiments.sweep.SweepReader;
import dev.servelab.experiments.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same sweep on the local engine and on Spark in local[2] mode gives exactly the same points and metrics. */
class SparkEngineTest {
    @TempDir
    Path dir;

    @Test
    void sparkLocalModeGivesTheLocalEnginesMetricsExactly() throws Exception {
        Path file = Path.of(getClass().getResource("/sweeps/spark-small.yaml").toURI());
        SweepSpec sweep = SweepReader.read(file, PluginRegistry.load());
        SweepEngine spark = SweepEngines.find("spark");
        assertInstanceOf(SparkEngine.class, spark);
        SweepOutcome local = SweepRunner.run(sweep, new LocalEngine(), options(dir.resolve("local.db")), null);
        SweepOutcome onSpark = SweepRunner.run(sweep, spark, options(dir.resolve("spark.db")), null);
        assertEquals(8, local.points().size());
        assertEquals(local.points().size(), onSpark.points().size());
        int completed = 0;
        try (RunStore runs = RunStore.open(dir.resolve("spark.db"))) {
            for (int i = 0; i < local.points().size(); i++) {
                StoredPoint a = local.points().get(i);
                StoredPoint b = onSpark.points().get(i);
                assertEquals(a.status(), b.status());
                assertEquals(a.reason(), b.reason());
                assertEquals(a.paramsJson(), b.paramsJson());
                assertEquals(a.feasible(), b.feasible());
                if (a.status() != PointStatus.COMPLETED) continue;
                completed++;
                assertEquals(comparable(a.metricsJson()), comparable(b.metricsJson()), "point " + i);
                var run = runs.run(b.runId()).orElseThrow();
                assertEquals(RunStatus.COMPLETED, run.status());
                assertTrue(run.summaryJson().contains("\"run_id\":" + b.runId() + ","), "the driver stored the run under its own id");
            }
        }
        assertEquals(4, completed);
        assertEquals(local.best().pointId(), onSpark.best().pointId());
        assertNotEquals(null, onSpark.best());
    }

    private static SweepEngine.Options options(Path db) {
        return new SweepEngine.Options(db, 2, null, new CancelToken());
    }

    /** Metrics without the store- and clock-dependent keys. */
    private static String comparable(String metricsJson) throws Exception {
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(metricsJson);
        m.remove("run_id");
        m.remove("sim_wall_s");
        m.remove("sim_cpu_s");
        return m.toString();
    }
}
