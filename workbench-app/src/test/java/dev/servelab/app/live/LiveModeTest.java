package dev.servelab.app.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.app.TestRuns;
import dev.servelab.app.data.RunReader;
import dev.servelab.app.editor.EditorViewModel;
import dev.servelab.app.editor.SettingsCatalog;
import dev.servelab.app.run.ExecutionMode;
import dev.servelab.app.run.PipelineRunner;
import dev.servelab.app.runs.RunsViewModel;
import dev.servelab.app.sla.SlaViewModel;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run panel's live mode and the sim-vs-live comparison, without a screen. */
class LiveModeTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    @TempDir
    Path dir;

    @Test
    void modesOfferSimulationAndTheJvmAndTornadoVmOnlyWhereADeviceAnswers() {
        List<ExecutionMode> modes = ExecutionMode.found();
        assertEquals(List.of("Simulation", "Live — JVM"), modes.subList(0, 2).stream().map(ExecutionMode::label).toList());
        boolean tornado = dev.servelab.hw.jvm.backend.KernelBackends.probe("tornadovm").available();
        assertEquals(tornado ? 3 : 2, modes.size());
        if (tornado) assertTrue(modes.get(2).label().startsWith("Live — TornadoVM ("), modes.get(2).label());
        assertEquals("exec.jvm", ExecutionMode.LIVE_JVM.executor());
    }

    @Test
    void liveOnASimulatedExecutorIsAProblemNamingTheWayOut() {
        EditorViewModel vm = new EditorViewModel(new SettingsCatalog(REGISTRY));
        vm.load(TestRuns.quickstart(), null);
        assertFalse(vm.hasErrors(), () -> vm.problems().toString());
        vm.liveExecutorProperty().set("exec.jvm");
        assertTrue(vm.hasErrors());
        String msg = vm.problems().stream().filter(p -> p.error()).findFirst().orElseThrow().message();
        assertTrue(msg.startsWith("pools[0].executor: exec.roofline is simulated; pick a live executor (exec.jvm) or Simulation"), msg);
        vm.liveExecutorProperty().set(null);
        assertFalse(vm.hasErrors(), () -> vm.problems().toString());
    }

    @Test
    void aLivePipelineValidatesLiveAndSwitchesBackendLikeTheCli() throws Exception {
        ObjectNode tree = LiveTiny.tree(dir);
        EditorViewModel vm = new EditorViewModel(new SettingsCatalog(REGISTRY));
        vm.load(tree, dir.resolve("tiny-live.yaml"));
        vm.liveExecutorProperty().set("exec.jvm");
        assertFalse(vm.hasErrors(), () -> vm.problems().toString());
        ObjectNode onTornado = PipelineRunner.onBackend(tree, new ExecutionMode("tornadovm", "t"));
        assertEquals("exec.tornadovm", onTornado.get("pools").get(0).get("executor").get("type").asText());
        assertEquals("exec.jvm", tree.get("pools").get(0).get("executor").get("type").asText(), "the editor's tree is left alone");
    }

    @Test
    void aLiveRunIsStoredLiveAndSetAgainstItsSimulation() throws Exception {
        ObjectNode tree = LiveTiny.tree(dir);
        Path db = dir.resolve("runs.db");
        RunOutcome live = PipelineRunner.start(tree, "tiny-live", dir, db, REGISTRY, ExecutionMode.LIVE_JVM, 4)
                .outcome().get(60, TimeUnit.SECONDS);
        assertEquals(RunStatus.COMPLETED, live.status(), live.error());
        RunOutcome sim = PipelineRunner.start(tree, "tiny-live", dir, db, REGISTRY, ExecutionMode.SIMULATION, 1)
                .outcome().get(60, TimeUnit.SECONDS);
        assertEquals(RunStatus.COMPLETED, sim.status(), sim.error());

        RunReader reader = new RunReader(db);
        RunsViewModel runs = new RunsViewModel();
        runs.setRuns(reader.runs());
        assertEquals(List.of("sim", "live"), runs.runs().stream().map(r -> r.mode()).toList(), "newest first, mode shown");
        assertEquals(List.of(live.runId(), sim.runId()), runs.simLivePair().orElseThrow(), "the newest pair with nothing selected");
        runs.select(List.of(runs.runs().getLast()));
        assertEquals(List.of(live.runId(), sim.runId()), runs.simLivePair().orElseThrow(), "the selected live run's counterpart");
        runs.select(runs.runs());
        assertTrue(runs.canCompareModes().get());

        var l = reader.load(live.runId());
        var s = reader.load(sim.runId());
        assertEquals(10, l.requests().size());
        runs.compareModes(l, s, SlaViewModel.prepare(List.of(l, s)));
        assertTrue(runs.simVsLiveProperty().get());
        assertEquals(List.of("live #" + live.runId(), "sim #" + sim.runId()), runs.comparedLabels());
        assertEquals(List.of("mean_ttft_ms", "p99_ttft_ms", "mean_tpot_ms", "p99_tpot_ms", "mean_e2el_ms", "median_e2el_ms",
                "p99_e2el_ms", "request_throughput", "output_throughput"), runs.deltas().stream().map(d -> d.metric()).toList());
        for (var d : runs.deltas()) {
            assertTrue(d.values().get(0) > 0 && d.values().get(1) > 0, d.toString());
            assertTrue(Double.isFinite(d.deltaPercent(1)), d.toString());
        }
        assertEquals(2, runs.overlay().ttft().size());
        assertTrue(runs.overlay().ttft().getFirst().name().endsWith("(live)"), runs.overlay().ttft().getFirst().name());

        runs.compare(List.of(l, s));
        assertFalse(runs.simVsLiveProperty().get(), "a plain comparison again");
    }
}
