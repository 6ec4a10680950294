package dev.servelab.experiments;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.experiments.sweep.PointPlan;
import dev.servelab.experiments.sweep.PointPlanner;
import dev.servelab.experiments.sweep.SweepReader;
import dev.servelab.experiments.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grid, random and Latin-hypercube plans: sizes, distinct points, seeds, strata coverage, determinism. */
class PointPlannerTest {
    @TempDir
    Path dir;

    private SweepSpec sweep(String search, String seeds) throws Exception {
        Files.copy(Cli.resource("sweeps/small-base.yaml"), dir.resolve("small-base.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "base: small-base.yaml\nvary:\n  pools.0.replicas: {range: [1, 10]}\n  pools.0.max_num_seqs: [16, 32, 64, 128]\n"
                + "search: " + search + "\n" + seeds);
        return SweepReader.read(f, PluginRegistry.load());
    }

    @Test
    void gridIsTheFullProductTimesSeeds() throws Exception {
        List<PointPlan> p = PointPlanner.plan(sweep("grid", "seeds: [1, 2]\n"));
        assertEquals(10 * 4 * 2, p.size());
        assertEquals(p.size(), new HashSet<>(p.stream().map(PointPlan::key).toList()).size());
        assertEquals("pools.0.replicas=1;pools.0.max_num_seqs=16;seed=1", p.getFirst().key());
    }

    @Test
    void randomDrawsDistinctPointsDeterministically() throws Exception {
        List<PointPlan> a = PointPlanner.plan(sweep("{random: 15}", ""));
        List<PointPlan> b = PointPlanner.plan(sweep("{random: 15}", ""));
        assertEquals(15, a.size());
        assertEquals(15, new HashSet<>(a.stream().map(PointPlan::key).toList()).size());
        assertEquals(a.stream().map(PointPlan::key).toList(), b.stream().map(PointPlan::key).toList());
    }

    @Test
    void latinHypercubeCoversEveryStratumOfEachAxis() throws Exception {
        List<PointPlan> p = PointPlanner.plan(sweep("{lhs: 10}", ""));
        Set<Integer> replicas = new HashSet<>();
        Set<Integer> seqs = new HashSet<>();
        for (PointPlan x : p) {
            replicas.add(x.params().get("pools.0.replicas").asInt());
            seqs.add(x.params().get("pools.0.max_num_seqs").asInt());
        }
        assertEquals(10, replicas.size(), "10 strata over 10 replica values: each value once");
        assertEquals(4, seqs.size());
        assertTrue(p.size() <= 10);
    }
}
