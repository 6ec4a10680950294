package dev.servelab.app.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.app.TestRuns;
import dev.servelab.app.gui.Examples;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.experiments.sweep.PointPlanner;
import dev.servelab.experiments.sweep.Search;
import dev.servelab.experiments.sweep.SweepReader;
import dev.servelab.experiments.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composed experiment, written as a sweep file and read back by the experiments module's own reader. */
class ExperimentDraftTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    @TempDir
    Path dir;

    private SweepSpec read(ExperimentDraft d, PipelineSource src) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, new ObjectMapper(new YAMLFactory()).writeValueAsString(d.sweep(src, Examples.quickstart())));
        return SweepReader.read(f, REGISTRY, d.base(src));
    }

    @Test
    void axesConstraintsObjectiveSeedsAndSearchReachTheSweep() throws Exception {
        PipelineSource src = new PipelineSource(TestRuns.quickstart(), Examples.quickstart(), "quickstart");
        ExperimentDraft d = new ExperimentDraft();
        d.addAxis(AxisDraft.of("pools.0.replicas", List.of("2", "4", "8")));
        d.addAxis(new AxisDraft("pools.0.max_num_seqs", "16..64 step 16"));
        d.addAxis(new AxisDraft("router", "route.round-robin, route.least-outstanding"));
        d.addAxis(new AxisDraft("pools.0.replicas", "1, 2"));
        d.constraints().add(new ConstraintDraft("slo_attainment", "0.9"));
        d.objectiveDirection().set("maximize");
        d.objectiveMetric().set("request_goodput_per_gpu");
        d.seeds().set("1, 2");
        d.requests().set(250);
        assertEquals(2 * 4 * 2 * 2, d.gridPoints());
        SweepSpec s = read(d, src);
        assertEquals("quickstart-sweep", s.name());
        assertEquals(List.of("pools.0.replicas", "pools.0.max_num_seqs", "router"), s.axes().stream().map(a -> a.path()).toList());
        assertEquals("[16, 32, 48, 64]", s.axes().get(1).values().toString());
        assertEquals("[\"route.round-robin\", \"route.least-outstanding\"]".replace(" ", ""), s.axes().get(2).values().toString().replace(" ", ""));
        assertEquals(List.of("p99_ttft_ms", "p99_tpot_ms", "slo_attainment"), s.constraints().stream().map(c -> c.metric()).toList());
        assertEquals(500, s.constraints().getFirst().bound());
        assertEquals("request_goodput_per_gpu", s.objective().metric());
        assertTrue(!s.objective().minimize());
        assertEquals(List.of(1L, 2L), s.seeds());
        assertEquals(250, s.baseTree().get("workload").get("requests").asInt(), "requests per point applied to the base");
        assertEquals(32, PointPlanner.plan(s).size());

        d.search().set(ExperimentDraft.SearchKind.RANDOM);
        d.searchPoints().set(5);
        SweepSpec random = read(d, src);
        assertEquals(Search.Kind.RANDOM, random.search().kind());
        assertEquals(5 * 2, PointPlanner.plan(random).size(), "five draws, each with both seeds");
    }

    @Test
    void aBadAxisIsTheReadersOneLineNamingTheField() {
        PipelineSource src = new PipelineSource(TestRuns.quickstart(), Examples.quickstart(), "quickstart");
        ExperimentDraft d = new ExperimentDraft();
        d.addAxis(new AxisDraft("pools.0.replicas", "0, 2"));
        ServeLabException e = assertThrows(ServeLabException.class, () -> read(d, src));
        assertTrue(e.getMessage().contains("vary.pools.0.replicas"), e.getMessage());
        d.axes().setAll(new AxisDraft("pools.0.no_such_field", "1"));
        e = assertThrows(ServeLabException.class, () -> read(d, src));
        assertTrue(e.getMessage().contains("pools.0.no_such_field"), e.getMessage());
    }
}
